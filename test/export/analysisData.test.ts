/**
 * analysedata.csv: the table the R/Stata scripts read must round-trip exactly — same columns, the
 * same doubles, missing as empty, kommune codes with their leading zeros.
 */
import { describe, expect, it } from 'vitest';
import { makeTable, Missing, numericColumn, stringColumn } from '../../src/engine/table';
import { analysisDataColumns, tableToTidyCsv } from '../../src/export/analysisData';
import { tidyTable } from '../../src/ingest/tidyTable';

const table = makeTable(
  [
    numericColumn('x', [0.1 + 0.2, -1.5e-7, 123456789.123, NaN], [0, 0, 0, Missing.suppressed]),
    stringColumn('navn', ['Oslo', 'Bø, Telemark', '=HYPERLINK("x")', 'Sa "sitat"']),
    stringColumn('kommune', ['0301', '3802', '4221', '5001']),
    numericColumn('aar', [2020, 2020, 2021, 2021]),
    numericColumn('y', [1 / 3, NaN, -2, 1e21], [0, Missing.undefinedValue, 0, 0]),
  ],
  { unit: 'kommune', year: 'aar', unitName: 'navn' },
);

describe('tableToTidyCsv', () => {
  const csv = tableToTidyCsv(table);

  it('puts kommune, navn, aar first (Stata reads column 1 as text) and has no BOM', () => {
    expect(analysisDataColumns(table)).toEqual(['kommune', 'navn', 'aar', 'x', 'y']);
    expect(csv.startsWith('kommune,navn,aar,x,y\n')).toBe(true);
  });

  it('round-trips values exactly, missing as empty fields', () => {
    const back = tidyTable(csv, ['kommune', 'navn']);
    expect(back.nRows).toBe(4);
    const k = back.columns.get('kommune');
    expect(k?.kind === 'string' && k.values).toEqual(['0301', '3802', '4221', '5001']);
    for (const name of ['aar', 'x', 'y']) {
      const a = table.columns.get(name)!;
      const b = back.columns.get(name)!;
      if (a.kind !== 'number' || b.kind !== 'number') throw new Error(name);
      for (let i = 0; i < 4; i++) {
        expect(b.missing[i] !== 0).toBe(a.missing[i] !== 0);
        if (a.missing[i] === 0) expect(b.values[i]).toBe(a.values[i]);
      }
    }
    expect(csv.split('\n')[1]).toBe('0301,Oslo,2020,0.30000000000000004,0.3333333333333333');
    expect(csv.split('\n')[2]).toBe('3802,"Bø, Telemark",2020,-1.5e-7,');
  });

  it('neutralises text that a spreadsheet would run, and quotes quotes', () => {
    const back = tidyTable(csv, ['kommune', 'navn']);
    const n = back.columns.get('navn');
    expect(n?.kind === 'string' && n.values).toEqual(['Oslo', 'Bø, Telemark', `'=HYPERLINK("x")`, 'Sa "sitat"']);
  });
});
