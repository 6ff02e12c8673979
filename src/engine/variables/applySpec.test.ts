import { describe, expect, it } from 'vitest';
import { getNumeric, makeTable, numericColumn, stringColumn } from '../table';
import { applySpecVariables, catalogueFromNames } from './applySpec';

const table = makeTable(
  [
    stringColumn('kommune', ['0301', '1151']),
    numericColumn('aar', [2014, 2014]),
    numericColumn('innbyggere', [2000, 200]),
    numericColumn('f244_agd10_konsern', [100, 10]),
    numericColumn('f244_590_konsern', [10, 1]),
    numericColumn('alder_0', [20, 2]),
    numericColumn('alder_1p', [1980, 198]),
  ],
  { unit: 'kommune', year: 'aar' },
);

describe('applySpecVariables (CLI --spec)', () => {
  it('reads accounts and age dims from tidy column names', () => {
    const cat = catalogueFromNames(table);
    expect(cat.find((c) => c.name === 'f244_590_konsern')?.dims).toEqual({ function: '244', art: '590', scope: 'konsern' });
    expect(cat.find((c) => c.name === 'alder_1p')?.dims).toEqual({ age: '1+' });
  });
  it('evaluates a whole AnalysisSpec file’s derived variables', () => {
    const r = applySpecVariables(table, {
      version: 1,
      variables: {
        expenditure: [{ id: 'utg', label: 'F244', functions: ['244'] }],
        ageGroups: [{ id: 'a1p', label: '1+', from: 1, to: null, share: true }],
        formulas: [{ id: 'urb', label: 'urb', expression: 'innbyggere^1.2 / innbyggere' }],
      },
    });
    expect(r.problems).toEqual([]);
    expect(getNumeric(r.table, 'utg')?.values[0]).toBeCloseTo(90 / 2000, 12);
    expect(getNumeric(r.table, 'a1p')?.values[1]).toBeCloseTo(0.99, 12);
    expect(getNumeric(r.table, 'urb')?.values[0]).toBeCloseTo(2000 ** 0.2, 10);
  });
  it('reports an invalid variables section as a problem', () => {
    const r = applySpecVariables(table, { variables: { formulas: [{ id: 1 }] } });
    expect(r.problems[0].code).toBe('spec-variables-invalid');
  });
});
