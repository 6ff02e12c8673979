/**
 * Barnevern (child welfare): functions 244 barnevernstjeneste, 251 and 252 barnevernstiltak (SØF 2017
 * §1.2; docs/REFERENCES.md); today's key: innbyggere 0–22 år, barn 0–15 år med enslig forsørger, personer med lavinntekt
 * (SØF 2017 §1.3, all per inhabitant).
 */
import { buildSector } from './build';
import { accountsItem, agesItem, criterionItem, freeIncomeItem, populationItem } from './items';
import type { Recipe } from './types';

const fn = (code: string, nb: string, en: string) => ({ code, name: { nb: `funksjon ${code} (${nb})`, en: `function ${code} (${en})` } });

export const barnevern: Recipe = {
  id: 'barnevern',
  name: { nb: 'Barnevern (funksjon 244, 251, 252)', en: 'Child welfare (functions 244, 251, 252)' },
  functions: ['244', '251', '252'],
  items: [
    accountsItem([fn('244', 'barnevernstjeneste', 'child welfare service'), fn('251', 'barnevernstiltak, ikke plassert', 'measures, not placed'), fn('252', 'barnevernstiltak, plassert', 'measures, placed')]),
    populationItem,
    agesItem,
    freeIncomeItem,
    criterionItem('enslig_forsorger', 'enslig forsørger', /enslig\w* forsørger/i, { nb: 'barn 0–15 år med enslig forsørger', en: 'children 0–15 with a single parent' }),
    criterionItem('lavinntekt', 'lavinntekt', /lavinntekt/i, { nb: 'personer med lavinntekt', en: 'persons with low income' }),
  ],
  build: (found) =>
    buildSector(
      {
        id: 'barnevern',
        expenditure: { id: 'utg_barnevern', label: 'Barnevern (244+251+252), 1000 kr per innbygger', functions: ['244', '251', '252'] },
        age: { id: 'andel_0_22', label: 'Innbyggere 0–22 år (andel)', from: 0, to: 22 },
        criteria: [
          { key: 'enslig_forsorger', id: 'andel_enslig_forsorger', label: 'Barn 0–15 år med enslig forsørger per innbygger' },
          { key: 'lavinntekt', id: 'andel_lavinntekt', label: 'Personer med lavinntekt per innbygger' },
        ],
        model: { id: 'barnevern_kriterier', label: 'Barnevern: dagens kriterier' },
        title: { nb: 'Barnevern (fra SSB)', en: 'Child welfare (from SSB)' },
      },
      found,
    ),
};
