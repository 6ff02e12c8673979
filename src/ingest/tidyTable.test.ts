/**
 * A ready tidy table (source spec `table`): read as it is — own column names, file row order, text
 * unit codes — and the whole dataset; its columns' dims come from their names, so a saved analysis's
 * derived variables build on it as on imported SSB files.
 */
import { describe, expect, it } from 'vitest';
import { getNumeric } from '../engine/table';
import { buildVariables } from '../engine/variables/buildVariables';
import { sourceSpecSchema } from '../spec/sections/data';
import { variablesSpecSchema } from '../spec/sections/variables';
import { buildDataset } from './dataset/buildDataset';
import { ingestFile } from './ingestFile';
import { dimsFromName } from './tidyTable';

const enc = (s: string) => new TextEncoder().encode(s);
const tableSpec = (id: string, fileName: string) => sourceSpecSchema.parse({ id, fileName, format: 'csv', table: { unit: 'kommune', year: 'aar', name: 'navn' } });

const csv = [
  'kommune,navn,aar,innbyggere,f244_agd10_konsern,f244_590_konsern,alder_0,alder_1p',
  '1151,Utsira,2014,200,10,1,2,198',
  '0301,Oslo,2014,2000,100,10,20,1980',
].join('\n');

describe('a ready tidy table', () => {
  it('keeps file order, unit codes as text (leading zeros) and its own column names', async () => {
    const s = await ingestFile({ name: 't.csv', bytes: enc(csv) }, { source: tableSpec('t', 't.csv') });
    expect(s.status).toBe('ok');
    const ds = buildDataset([s], { sources: [s.spec], structure: '2024', changeTableSourceId: null });
    const t = ds.table;
    expect([t.unit, t.year, t.unitName]).toEqual(['kommune', 'aar', 'navn']);
    const k = t.columns.get('kommune');
    expect(k?.kind === 'string' && k.values).toEqual(['1151', '0301']);
    expect([...t.columns.keys()]).toEqual(csv.split('\n')[0].split(','));
    expect(ds.catalogue.map((c) => c.name)).toEqual(['innbyggere', 'f244_agd10_konsern', 'f244_590_konsern', 'alder_0', 'alder_1p']);
    expect(ds.catalogue[0]).toMatchObject({ years: [2014], nUnits: 2, nMissing: 0 });
    expect(ds.validation.sources[0]).toMatchObject({ nRows: 2, nUnits: 2, years: [2014] });
  });

  it('reads accounts and age dims from tidy column names', () => {
    expect(dimsFromName('f244_590_konsern')).toEqual({ function: '244', art: '590', scope: 'konsern' });
    expect(dimsFromName('alder_1p')).toEqual({ age: '1+' });
  });

  it('evaluates a saved analysis’s derived variables on it', async () => {
    const s = await ingestFile({ name: 't.csv', bytes: enc(csv) }, { source: tableSpec('t', 't.csv') });
    const ds = buildDataset([s], { sources: [s.spec], structure: 'none', changeTableSourceId: null });
    const r = buildVariables(
      ds,
      variablesSpecSchema.parse({
        expenditure: [{ id: 'utg', label: 'F244', functions: ['244'] }],
        ageGroups: [{ id: 'a1p', label: '1+', from: 1, to: null, share: true }],
        formulas: [{ id: 'urb', label: 'urb', expression: 'innbyggere^1.2 / innbyggere' }],
      }),
    );
    expect(r.problems).toEqual([]);
    expect(getNumeric(r.table, 'utg')?.values[1]).toBeCloseTo(90 / 2000, 12);
    expect(getNumeric(r.table, 'a1p')?.values[0]).toBeCloseTo(0.99, 12);
    expect(getNumeric(r.table, 'urb')?.values[1]).toBeCloseTo(2000 ** 0.2, 10);
  });

  it('is the whole dataset: other files beside it are reported, not joined; a missing key column is an error', async () => {
    const t = await ingestFile({ name: 't.csv', bytes: enc(csv) }, { source: tableSpec('t', 't.csv') });
    const other = await ingestFile({ name: 'o.csv', bytes: enc('kommune,aar,x\n0301,2014,1\n') });
    const ds = buildDataset([t, other], { sources: [t.spec, other.spec], structure: 'none', changeTableSourceId: null });
    expect(ds.table.nRows).toBe(2);
    expect(ds.problems.map((p) => p.code)).toContain('table-source-alone');
    const bad = await ingestFile({ name: 'b.csv', bytes: enc('x,y\n1,2\n') }, { source: tableSpec('b', 'b.csv') });
    expect(bad.status).toBe('error');
    expect(bad.problems[0].code).toBe('missing-column');
  });
});
