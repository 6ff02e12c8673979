/**
 * The tables every sector recipe uses. Table numbers, dimension ids and codes are those of SSB's
 * answers recorded in the real files (docs/REFERENCES.md «Real files») and SSB's R vignette (12367 detailed accounts: KOKfunksjon0000,
 * KOKart0000 AGD10, KOKregnskapsomfa0000 A, ContentsCode KOSbelop0000; 07459 population: Region,
 * Kjonn, Alder, ContentsCode Personer1; 12134 key figures: KOSAG110000 «Frie inntekter per innbygger
 * (kr)»); they are checked against the live metadata each time (resolve.ts). Criteria tables are
 * found by the table search and the label of their statistic, since no table number is known for them.
 */
import type { RecipeItem, WantedCode } from './types';

export const CONTENTS = /^ContentsCode$/i;

export function accountsItem(functions: WantedCode[]): RecipeItem {
  return {
    key: 'utgifter',
    name: { nb: 'Utgifter etter funksjon (KOSTRA, kommunekonsern, 1000 kr)', en: 'Expenditure by function (KOSTRA, municipal group, NOK 1000)' },
    table: '12367',
    search: 'detaljerte regnskapstall driftsregnskapet',
    titlePattern: /regnskap/i,
    dims: [
      { match: /regnskapsomfa/i, rule: { kind: 'codes', codes: [{ code: 'A', name: { nb: 'regnskapsomfang A (konsern)', en: 'scope A (municipal group)' } }] } },
      { match: /funksjon/i, rule: { kind: 'codes', codes: functions } },
      {
        match: /^KOKart|^art$/i,
        rule: {
          kind: 'codes',
          codes: [{ code: 'AGD10', name: { nb: 'art AGD10 (brutto driftsutgifter)', en: 'art AGD10 (gross operating expenditure)' } }],
          optional: [{ code: '590', name: { nb: 'art 590 (avskrivninger)', en: 'art 590 (depreciation)' } }],
        },
      },
      { match: CONTENTS, rule: { kind: 'codes', codes: [{ code: 'KOSbelop0000', name: { nb: 'beløp i 1000 kr (KOSbelop0000)', en: 'amount in NOK 1000 (KOSbelop0000)' } }] } },
    ],
    prefix: 'utg',
  };
}

const PERSONS = { code: 'Personer1', name: { nb: 'personer (Personer1)', en: 'persons (Personer1)' } };

export const populationItem: RecipeItem = {
  key: 'innbyggere',
  name: { nb: 'Innbyggere i alt (07459)', en: 'Population, total (07459)' },
  table: '07459',
  search: 'befolkning kjønn alder',
  titlePattern: /befolkning/i,
  dims: [
    { match: /^kj(?:ø|o)nn$/i, rule: { kind: 'eliminate' } },
    { match: /^alder$/i, rule: { kind: 'eliminate' } },
    { match: CONTENTS, rule: { kind: 'codes', codes: [PERSONS] } },
  ],
  prefix: 'innbyggere',
};

export const agesItem: RecipeItem = {
  key: 'alder',
  name: { nb: 'Innbyggere etter ettårig alder (07459)', en: 'Population by single year of age (07459)' },
  table: '07459',
  search: 'befolkning kjønn alder',
  titlePattern: /befolkning/i,
  dims: [
    { match: /^kj(?:ø|o)nn$/i, rule: { kind: 'eliminate' } },
    { match: /^alder$/i, rule: { kind: 'all' } },
    { match: CONTENTS, rule: { kind: 'codes', codes: [PERSONS] } },
  ],
  prefix: 'innb',
};

export const freeIncomeItem: RecipeItem = {
  key: 'frie_inntekter',
  name: { nb: 'Frie inntekter per innbygger (12134)', en: 'Free income per inhabitant (12134)' },
  table: '12134',
  search: 'nøkkeltall kommuneregnskap',
  titlePattern: /nøkkeltall/i,
  dims: [{ match: CONTENTS, rule: { kind: 'codes', codes: [{ code: 'KOSAG110000', name: { nb: 'frie inntekter per innbygger (KOSAG110000)', en: 'free income per inhabitant (KOSAG110000)' } }] } }],
  prefix: 'frie_inntekter',
};

/** A criterion published as a count by municipality: found by search words and its statistic's label. */
export function criterionItem(key: string, search: string, pattern: RegExp, name: { nb: string; en: string }): RecipeItem {
  return {
    key,
    name,
    search,
    titlePattern: pattern,
    dims: [{ match: CONTENTS, rule: { kind: 'label', pattern, name } }],
    prefix: key,
  };
}
