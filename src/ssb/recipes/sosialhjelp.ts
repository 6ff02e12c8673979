/**
 * Sosialhjelp (social assistance): functions 242 råd og veiledning, 243 tilbud til personer med
 * rusproblemer, 281 ytelse til livsopphold (økonomisk sosialhjelp); today's key
 * (SØF 2017 §1.3, docs/REFERENCES.md): innbyggere 16–66 år, uføre 18–49 år, flyktninger uten integreringstilskudd,
 * aleneboende 30–66 år and the opphopningsindeks — the last is not a Statistikkbanken series, so the
 * recipe names it as not found unless a table turns up.
 */
import { buildSector } from './build';
import { accountsItem, agesItem, criterionItem, freeIncomeItem, populationItem } from './items';
import type { Recipe } from './types';

const fn = (code: string, nb: string, en: string) => ({ code, name: { nb: `funksjon ${code} (${nb})`, en: `function ${code} (${en})` } });

export const sosialhjelp: Recipe = {
  id: 'sosialhjelp',
  name: { nb: 'Sosialhjelp (funksjon 242, 243, 281)', en: 'Social assistance (functions 242, 243, 281)' },
  functions: ['242', '243', '281'],
  items: [
    accountsItem([fn('242', 'råd, veiledning og sosialt forebyggende arbeid', 'advice and prevention'), fn('243', 'tilbud til personer med rusproblemer', 'substance abuse services'), fn('281', 'ytelse til livsopphold', 'financial assistance')]),
    populationItem,
    agesItem,
    freeIncomeItem,
    criterionItem('ufore_18_49', 'uføretrygdede', /uføre\w*.*18.?49/i, { nb: 'uføretrygdede 18–49 år', en: 'disability benefit recipients 18–49' }),
    criterionItem('flyktninger', 'flyktninger integreringstilskudd', /flyktning/i, { nb: 'flyktninger uten integreringstilskudd', en: 'refugees without integration grant' }),
    criterionItem('aleneboende_30_66', 'aleneboende', /aleneboende.*30.?66/i, { nb: 'aleneboende 30–66 år', en: 'persons living alone 30–66' }),
    criterionItem('opphopningsindeks', 'opphopningsindeks', /opphopning/i, { nb: 'opphopningsindeks (skilte og separerte × arbeidsledige × fattige)', en: 'accumulation index (divorced × unemployed × poor)' }),
  ],
  build: (found) =>
    buildSector(
      {
        id: 'sosialhjelp',
        expenditure: { id: 'utg_sosialhjelp', label: 'Sosialhjelp (242+243+281), 1000 kr per innbygger', functions: ['242', '243', '281'] },
        age: { id: 'andel_16_66', label: 'Innbyggere 16–66 år (andel)', from: 16, to: 66 },
        criteria: [
          { key: 'ufore_18_49', id: 'andel_ufore_18_49', label: 'Uføretrygdede 18–49 år per innbygger' },
          { key: 'flyktninger', id: 'andel_flyktninger', label: 'Flyktninger uten integreringstilskudd per innbygger' },
          { key: 'aleneboende_30_66', id: 'andel_aleneboende_30_66', label: 'Aleneboende 30–66 år per innbygger' },
          { key: 'opphopningsindeks', id: 'andel_opphopningsindeks', label: 'Opphopningsindeks per innbygger' },
        ],
        model: { id: 'sosialhjelp_kriterier', label: 'Sosialhjelp: dagens kriterier' },
        title: { nb: 'Sosialhjelp (fra SSB)', en: 'Social assistance (from SSB)' },
      },
      found,
    ),
};
