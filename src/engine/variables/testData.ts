/** A tiny hand-checkable dataset for the variable-builder tests (not shipped code). */
import { makeTable, Missing, numericColumn, stringColumn, type Table } from '../table';
import type { CatalogueEntry, DatasetLike } from './types';

const M = Missing;

/** Three municipalities × two years (2014, 2015). Accounts in 1000 kr. */
export function tinyDataset(): DatasetLike {
  const kommune = ['0301', '0301', '1151', '1151', '5001', '5001'];
  const aar = [2014, 2015, 2014, 2015, 2014, 2015];
  const cols = [
    stringColumn('kommune', kommune),
    stringColumn('navn', ['Oslo', 'Oslo', 'Utsira', 'Utsira', 'Trondheim', 'Trondheim']),
    numericColumn('aar', aar),
    numericColumn('innbyggere', [2000, 2001, 200, 0, 50000, 50001]),
    // gross operating expenditure (AGD10) and depreciation (590), konsern, per function
    numericColumn('f244_b', [100, 110, 10, 11, 1000, 1100]),
    numericColumn('f244_d', [10, 10, 1, 1, 100, 100]),
    numericColumn('f251_b', [50, 55, NaN, 6, 500, 550], [0, 0, M.suppressed, 0, 0, 0]),
    numericColumn('f251_d', [5, 5, 0, 0, 50, 50]),
    numericColumn('f252_b', [30, 33, 3, 3, 300, 330]),
    numericColumn('f252_d', [0, 0, 0, NaN, 0, 0], [0, 0, 0, M.missing, 0, 0]),
    // kasse figures for 244 (to check the scope choice)
    numericColumn('f244_b_kasse', [90, 90, 9, 9, 900, 900]),
    numericColumn('kpi', [100, 125, 100, 125, 100, 125]),
    numericColumn('alder_0', [20, 20, 2, 2, 500, 500]),
    numericColumn('alder_1', [30, 30, 3, 3, 600, 600]),
    numericColumn('alder_2', [50, 50, 5, 5, 900, 900]),
    numericColumn('alder_3p', [1900, 1901, 190, 0, 48000, 48001]),
    numericColumn('tiltak', [10, 12, 0, 1, 400, 420]),
  ];
  const table: Table = makeTable(cols, { unit: 'kommune', year: 'aar', unitName: 'navn' });
  const acc = (name: string, f: string, art: string, scope = 'A Kommunekonsern'): CatalogueEntry => ({
    name,
    label: name,
    unit: '1000 kr',
    dims: { function: `${f} Tekst`, art: `${art} Tekst`, scope },
  });
  const catalogue: CatalogueEntry[] = [
    { name: 'innbyggere', label: 'Innbyggere', dims: {} },
    acc('f244_b', '244', 'AGD10'),
    acc('f244_d', '244', '590'),
    acc('f251_b', '251', 'AGD10'),
    acc('f251_d', '251', '590'),
    acc('f252_b', '252', 'AGD10'),
    acc('f252_d', '252', '590'),
    acc('f244_b_kasse', '244', 'AGD10', 'B Kommunekassen'),
    { name: 'kpi', label: 'KPI', dims: {} },
    { name: 'alder_0', label: '0 år', dims: { age: '0 år' } },
    { name: 'alder_1', label: '1 år', dims: { age: '1' } },
    { name: 'alder_2', label: '2 år', dims: { age: '2' } },
    { name: 'alder_3p', label: '3+', dims: { age: '3+' } },
    { name: 'tiltak', label: 'Barn med tiltak', dims: {} },
  ];
  return { table, catalogue };
}
