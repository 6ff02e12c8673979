/**
 * Presets of the cost keys in force: criteria, weights, the budget years, the source
 * cited, and exactly what could be checked against the ministry's published documentation
 * (`checked`, shown next to each preset). Each criterion is named by the variable the demo's variable
 * builder gives it (with other data the user maps it to a variable in the preset editor; a criterion the
 * data lack is reported by name).
 *
 * Where the numbers come from and what was checked (docs/REFERENCES.md «Today's keys» lists the
 * addresses and the searches):
 * - The ministry publishes the keys in force each year in «Grønt hefte» (beregningsteknisk
 *   dokumentasjon til Prop. 1 S), https://www.regjeringen.no/no/tema/kommuner-og-regioner/kommuneokonomi/gront-hefte/id547024/ :
 *   the sub-keys (criteria and weights) in the PDF, the criterion indices in table E-k and the total
 *   index in table A-k (ODS). The key in force from 2025 was proposed in Prop. 102 S (2023–2024)
 *   Kommuneproposisjonen 2025 (vedlegg 7: effects per municipality, computed on Grønt hefte 2024),
 *   https://www.regjeringen.no/no/dokumenter/prop.-102-s-20232024/id3039010/?ch=12 , after NOU 2022: 10
 *   kap. 10 «Kostnadsnøkkelen», https://www.regjeringen.no/no/dokumenter/nou-2022-10/id2925606/?ch=11 .
 * - Session 4 (2026-12-06) searched the stored public copies of regjeringen.no and stortinget.no for
 *   the weight tables (Grønt hefte 2025/2026, Prop. 102 S (2023–2024), Innst. 440 S (2023–2024), NOU
 *   2022: 10 kap. 10, Prop. 123 S (2015–2016) vedlegg 6). What is stored: the Grønt hefte landing page
 *   (its stored copy lists Grønt hefte 2024 as the latest edition; the PDF and ODS files are not
 *   stored) and the opening text of each chapter, not the tables of weights. So no weight below could
 *   be read from the ministry's own table, and none is labelled verified. What a preset's weights rest
 *   on is said in its `checked` text.
 * - The 2025–2026 barnevern and sosialhjelp keys are a third party's transcription of Grønt hefte 2026
 *   (vegard1104/kommunebarometer, scripts/generer-dki-sektor-breakdown.mjs, «Grønt hefte 2026 PDF
 *   side 21»). Indirect check against the ministry's published numbers: the sector indices that project
 *   computed with these keys from the ministry's criterion indices (table E-k;
 *   the Grønt hefte cost-index files of docs/REFERENCES.md «Real files», with their sector breakdown) reproduce
 *   the published total index of Grønt hefte table A-k for 350 municipalities — a least-squares fit of
 *   A-k on the seven sector indices has residual RMS 7·10⁻⁵ (2026) and 7·10⁻⁵ (2025), about the
 *   4-decimal rounding; with the barnevern or sosialhjelp index replaced by 1 the RMS rises to 5·10⁻³
 *   and 7·10⁻³. That supports each key as a whole (its index enters the published total with the
 *   expected weight), not each weight, so the labels say «ikke kontrollert mot departementets tabell».
 * - The 2017–2024 keys: the criteria are those of Prop. 123 S (2015–2016) Kommuneproposisjonen 2017,
 *   https://www.regjeringen.no/no/dokumenter/prop.-123-s-20152016/id2500136/ , as SØF 2017
 *   (SØF-rapport 03/17, docs/REFERENCES.md) quotes them; it gives the order of the barnevern weights
 *   (enslig forsørger largest, then innbyggere 0–22, lavinntekt smallest) but no numbers. The weights
 *   could not be verified, so they are left for the user to fill in (NaN) and never used by default.
 */
import type { KeyRecord } from '../types';

export type KeySector = 'barnevern' | 'sosialhjelp' | 'district';

/** How far the weights could be checked against a published source. */
export type PresetVerification = 'published' | 'third-party' | 'unverified';

export interface KeyPreset {
  id: string;
  label: { nb: string; en: string };
  /** The sector whose sub-key this is (district keys are for city districts, not municipalities). */
  sector: KeySector;
  /** Budget years the key is in force (null: not a national key). */
  years: [number, number] | null;
  /** Criterion (data variable) → weight; NaN = to be filled in by the user from the source. */
  weights: KeyRecord;
  /** The published name of each criterion, by data variable. */
  criteria: Record<string, { nb: string; en: string }>;
  /** The public source cited (with the page address). */
  source: string;
  verification: PresetVerification;
  /** Exactly what was checked against the ministry's documentation, what was not, and why. */
  checked: { nb: string; en: string };
}

const GRONT_HEFTE = 'https://www.regjeringen.no/no/tema/kommuner-og-regioner/kommuneokonomi/gront-hefte/id547024/';
const PROP_123_S = 'https://www.regjeringen.no/no/dokumenter/prop.-123-s-20152016/id2500136/';
const PROP_102_S = 'https://www.regjeringen.no/no/dokumenter/prop.-102-s-20232024/id3039010/?ch=12';
const THIRD_PARTY_2026 = `Grønt hefte 2026 (${GRONT_HEFTE}), side 21, avskrevet av vegard1104/kommunebarometer (scripts/generer-dki-sektor-breakdown.mjs); ikke kontrollert mot departementets tabell. Nøkkelen gjelder fra 2025, jf. Prop. 102 S (2023–2024) Kommuneproposisjonen 2025 (${PROP_102_S})`;

/** What the 2025–2026 presets rest on (saying exactly what is unverified and why). */
const CHECKED_THIRD_PARTY = {
  nb: 'Kriteriene og vektene er ikke lest fra departementets tabell: Grønt hefte 2026 (PDF side 21) og tabellene E-k/A-k (ODS) finnes ikke blant de lagrede offentlige kopiene vi kunne søke i (bare landingssiden og kapittelinnledningene til Prop. 102 S (2023–2024) og NOU 2022: 10). Kontrollert indirekte: med disse vektene gjenskaper sektorindeksene den publiserte samlede indeksen i Grønt hefte tabell A-k for 350 kommuner til avrundingen (RMS 7·10⁻⁵); det støtter nøkkelen som helhet, ikke hver enkelt vekt.',
  en: 'The criteria and weights were not read from the ministry’s table: Grønt hefte 2026 (PDF page 21) and tables E-k/A-k (ODS) are not among the stored public copies we could search (only the landing page and the chapter openings of Prop. 102 S (2023–2024) and NOU 2022: 10). Checked indirectly: with these weights the sector indices reproduce the published total index of Grønt hefte table A-k for 350 municipalities to the rounding (RMS 7·10⁻⁵); that supports the key as a whole, not each weight.',
};
const CHECKED_2017 = {
  nb: 'Kriteriene er tatt fra Prop. 123 S (2015–2016) slik SØF-rapport 03/17 gjengir dem, ikke kontrollert mot proposisjonens tabell (den lagrede kopien av vedlegg 6 har bare innledningen). Vektene er ikke kjent her: fyll dem inn fra Grønt hefte for budsjettåret; de brukes aldri som standard.',
  en: 'The criteria are those of Prop. 123 S (2015–2016) as SØF report 03/17 quotes them, not checked against the proposition’s table (the stored copy of appendix 6 has only its opening). The weights are not known here: fill them in from Grønt hefte for the budget year; they are never used by default.',
};
const CHECKED_FAFO = {
  nb: 'Vektene fra Fafo-rapport 2014, tabell 2.18 (Trondheims egne bydelsnøkler, ikke en nasjonal nøkkel).',
  en: 'The weights of Fafo report 2014, table 2.18 (Trondheim’s own district keys, not a national key).',
};

const age = (from: number, to: number | null) => ({
  nb: to === null ? `Innbyggere ${from} år og over` : from === to ? `Innbyggere ${from} år` : `Innbyggere ${from}–${to} år`,
  en: to === null ? `Inhabitants aged ${from} and over` : from === to ? `Inhabitants aged ${from}` : `Inhabitants aged ${from}–${to}`,
});

type Label = { nb: string; en: string };
type Provenance = Pick<KeyPreset, 'source' | 'verification' | 'checked'>;

/** A national sub-key: one row per criterion (data variable → [weight, published name]), so a weight
 *  and the name it is published under cannot drift apart. */
function nationalKey(id: string, label: Label, sector: KeySector, years: [number, number], rows: Record<string, [number, Label]>, provenance: Provenance): KeyPreset {
  const entries = Object.entries(rows);
  return {
    id,
    label,
    sector,
    years,
    weights: Object.fromEntries(entries.map(([name, [w]]) => [name, w])),
    criteria: Object.fromEntries(entries.map(([name, [, l]]) => [name, l])),
    ...provenance,
  };
}

/** One of Trondheim's district keys of Fafo 2014 Table 2.18 (not a national key: no years, no names). */
function fafoDistrictKey(id: string, label: Label, weights: KeyRecord): KeyPreset {
  return { id, label, sector: 'district', years: null, weights, criteria: {}, source: 'Fafo-rapport 2014, tabell 2.18', verification: 'published', checked: CHECKED_FAFO };
}

const THIRD_PARTY: Provenance = { source: THIRD_PARTY_2026, verification: 'third-party', checked: CHECKED_THIRD_PARTY };
const CRITERIA_2017: Provenance = {
  source: `Kriteriene: Prop. 123 S (2015–2016) Kommuneproposisjonen 2017 (${PROP_123_S}); vektene: Grønt hefte for budsjettåret (${GRONT_HEFTE})`,
  verification: 'unverified',
  checked: CHECKED_2017,
};

const LAVINNTEKT: Label = { nb: 'Personer med lavinntekt', en: 'Persons with low income' };
const UFORE_18_49: Label = { nb: 'Uføre 18–49 år', en: 'Disability pensioners aged 18–49' };
const ALENEBOENDE: Label = { nb: 'Aleneboende 30–66 år', en: 'People living alone aged 30–66' };
const OPPHOPNING: Label = { nb: 'Opphopningsindeks', en: 'Accumulation index' };

export const keyPresets: KeyPreset[] = [
  nationalKey(
    'barnevern-2026',
    {
      nb: 'Barnevern, kostnadsnøkkel 2025–2026 (tredjepartsavskrift av Grønt hefte 2026 – ikke kontrollert mot departementets tabell)',
      en: 'Child welfare, cost key 2025–2026 (third-party transcription of Grønt hefte 2026 – not checked against the ministry’s table)',
    },
    'barnevern',
    [2025, 2026],
    {
      andel_0: [0.0021, age(0, 0)],
      andel_1_5: [0.0111, age(1, 5)],
      andel_6_12: [0.0174, age(6, 12)],
      andel_13_15: [0.0081, age(13, 15)],
      andel_16_22: [0.0182, age(16, 22)],
      andel_23_24: [0.0055, age(23, 24)],
      lavinntekt_pi: [0.372, LAVINNTEKT],
      lav_utdanning_pi: [0.3472, { nb: 'Personer med lav utdanning', en: 'Persons with little education' }],
      ufore_18_49_pi: [0.2183, UFORE_18_49],
    },
    THIRD_PARTY,
  ),
  nationalKey(
    'sosialhjelp-2026',
    {
      nb: 'Sosialhjelp, kostnadsnøkkel 2025–2026 (tredjepartsavskrift av Grønt hefte 2026 – ikke kontrollert mot departementets tabell)',
      en: 'Social assistance, cost key 2025–2026 (third-party transcription of Grønt hefte 2026 – not checked against the ministry’s table)',
    },
    'sosialhjelp',
    [2025, 2026],
    {
      andel_16_22: [0.0251, age(16, 22)],
      andel_23_24: [0.0076, age(23, 24)],
      andel_25_66: [0.1663, age(25, 66)],
      aleneboende_30_66_pi: [0.2918, ALENEBOENDE],
      flyktninger_pi: [0.211, { nb: 'Flyktninger (kriteriet i tabell E-k; kontroller definisjonen)', en: 'Refugees (the criterion of table E-k; check the definition)' }],
      rus_psykisk_pi: [0.2113, { nb: 'Personer med rus- og psykiske lidelser (NPR)', en: 'Persons with substance-use and mental disorders (NPR)' }],
      opphopning_pi: [0.087, OPPHOPNING],
    },
    THIRD_PARTY,
  ),
  nationalKey(
    'barnevern-2017',
    {
      nb: 'Barnevern, kostnadsnøkkel 2017–2024 (kriteriene; vektene ikke verifisert – fyll inn fra Grønt hefte)',
      en: 'Child welfare, cost key 2017–2024 (the criteria; weights not verified – fill in from Grønt hefte)',
    },
    'barnevern',
    [2017, 2024],
    {
      enslig_forsorger_pi: [NaN, { nb: 'Barn 0–15 år med enslig forsørger', en: 'Children aged 0–15 with a single parent' }],
      lavinntekt_pi: [NaN, LAVINNTEKT],
      andel_0_22: [NaN, age(0, 22)],
    },
    CRITERIA_2017,
  ),
  nationalKey(
    'sosialhjelp-2017',
    {
      nb: 'Sosialhjelp, kostnadsnøkkel 2017–2024 (kriteriene; vektene ikke verifisert – fyll inn fra Grønt hefte)',
      en: 'Social assistance, cost key 2017–2024 (the criteria; weights not verified – fill in from Grønt hefte)',
    },
    'sosialhjelp',
    [2017, 2024],
    {
      andel_16_66: [NaN, age(16, 66)],
      ufore_18_49_pi: [NaN, UFORE_18_49],
      flyktninger_pi: [NaN, { nb: 'Flyktninger uten integreringstilskudd', en: 'Refugees without integration grant' }],
      opphopning_pi: [NaN, OPPHOPNING],
      aleneboende_30_66_pi: [NaN, ALENEBOENDE],
    },
    CRITERIA_2017,
  ),
  fafoDistrictKey('trondheim-f232-ny', { nb: 'Trondheim F232, nye kriterier (Fafo 2014)', en: 'Trondheim F232, new criteria (Fafo 2014)' }, {
    n_0_21: 0.9,
    n_16_24: 0.05,
    n_ikkevestlig_kontantstotte: 0.05,
  }),
  fafoDistrictKey('trondheim-bv-alt1', { nb: 'Trondheim barnevern alt. 1 (Fafo 2014)', en: 'Trondheim child welfare alt. 1 (Fafo 2014)' }, {
    n_0_21: 0.35,
    n_grunn_hjelpestonad_0_17: 0.05,
    n_ikkevestlig_uten_yrkesinntekt: 0.6,
  }),
  fafoDistrictKey('trondheim-bv-alt2', { nb: 'Trondheim barnevern alt. 2 (Fafo 2014)', en: 'Trondheim child welfare alt. 2 (Fafo 2014)' }, {
    n_0_21: 0.25,
    n_ikkevestlig_0_19: 0.55,
    n_lav_utdanning_17_54: 0.2,
  }),
];

/** Published weights are rounded (a key of four-decimal weights may add to 0,9999 or 1,0001). */
export const PUBLISHED_ROUNDING = 5e-4;

/** A key whose sum is 1 up to the rounding of its source, divided by its sum so it is exactly 1. */
export function normaliseRounding(key: KeyRecord): { key: KeyRecord; sum: number; rescaled: boolean } {
  let sum = 0;
  for (const v of Object.values(key)) sum += v;
  if (!Number.isFinite(sum) || sum === 1 || Math.abs(sum - 1) > PUBLISHED_ROUNDING) return { key, sum, rescaled: false };
  const out: KeyRecord = {};
  for (const [k, v] of Object.entries(key)) out[k] = v / sum;
  return { key: out, sum, rescaled: true };
}

/**
 * The sector of a cost-key model's dependent variable, from the KOSTRA functions of its expenditure
 * definition: 244/251/252 barnevern, 242/243/276/281 sosialhjelp (docs/METHODS.md §2).
 */
export function sectorOfFunctions(functions: readonly string[]): KeySector | null {
  const f = new Set(functions.map((x) => x.trim()));
  if (f.size === 0) return null;
  const bv = ['244', '251', '252'];
  const sh = ['242', '243', '276', '281'];
  if ([...f].every((x) => bv.includes(x))) return 'barnevern';
  if ([...f].every((x) => sh.includes(x))) return 'sosialhjelp';
  return null;
}

/** The newest preset of a sector whose weights are all known: the default «today's key». */
export function publishedKeyFor(sector: KeySector): KeyPreset | null {
  const candidates = keyPresets.filter((p) => p.sector === sector && p.years && Object.values(p.weights).every(Number.isFinite));
  candidates.sort((a, b) => b.years![1] - a.years![1]);
  return candidates[0] ?? null;
}
