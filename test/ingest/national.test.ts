/**
 * A year-only series without a municipality column (a deflator `år;indeks`, or wide
 * `"Indeks 2015";…`) is read as a national series and repeated on every municipality row of its year.
 */
import { describe, expect, it } from 'vitest';
import { getNumeric, getString, Missing } from '../../src/engine/table';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { dataSpecSchema, sourceSpecSchema } from '../../src/spec/sections/data';

const enc = (s: string) => new TextEncoder().encode(s);
// The demo deflator as generate-demo writes it (Windows-1252, title line, decimal comma).
const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
const DEFLATOR = latin1('"Kommunal deflator, prisindeks etter år (syntetiske data)"\r\n\r\n"år";"Kommunal deflator (2015=100)"\r\n"2015";100,0\r\n"2016";102,5\r\n"2017";..\r\n');
const MUNI = enc('"region";"år";"Innbyggere"\n"0301 Oslo";"2015";100\n"3001 Halden";"2015";20\n"0301 Oslo";"2016";110\n"0301 Oslo";"2017";120\n"0301 Oslo";"2018";130\n');

describe('national series', () => {
  it('reads `år;indeks` as a national series instead of refusing it', async () => {
    const s = await ingestFile({ name: 'kommunal-deflator.csv', bytes: DEFLATOR });
    expect(s.status).toBe('ok');
    expect(s.national).toBe(true);
    expect(s.spec.mapping?.role).toBe('national');
    expect(s.problems.map((p) => p.code)).toEqual(['national-series']);
    expect(s.problems[0].message).toMatch(/landsserie/);
    expect(s.variables.map((v) => v.label)).toEqual(['Kommunal deflator (2015=100)']);
    expect(s.obs.n).toBe(3);
    expect([...s.obs.year]).toEqual([2015, 2016, 2017]);
    expect(s.obs.value[1]).toBe(102.5);
    expect(s.obs.missing[2]).toBe(Missing.missing);
  });

  it('reads a wide one-row index as a national series', async () => {
    const s = await ingestFile({ name: 'indeks.csv', bytes: enc('"Indeks 2015";"Indeks 2016"\n100;103,5\n') });
    expect(s.status).toBe('ok');
    expect(s.national).toBe(true);
    expect([...s.obs.year]).toEqual([2015, 2016]);
    expect(s.obs.value[1]).toBe(103.5);
  });

  it('still refuses a table with neither municipalities nor years', async () => {
    const s = await ingestFile({ name: 'no-unit.csv', bytes: enc('a;b;c\nx;1;2\ny;3;4\n') });
    expect(s.status).toBe('error');
    expect(s.problems.some((p) => p.code === 'no-unit-column')).toBe(true);
  });

  it('an explicit source spec with role national loads it the same way', async () => {
    const source = sourceSpecSchema.parse({
      id: 'demo:kommunal-deflator.csv',
      fileName: 'kommunal-deflator.csv',
      format: 'csv',
      mapping: { unitColumn: null, yearColumn: 'år', valueColumns: ['Kommunal deflator (2015=100)'], dimensionColumns: [], layout: 'long', role: 'national' },
    });
    const s = await ingestFile({ name: 'kommunal-deflator.csv', bytes: DEFLATOR }, { source });
    expect(s.national).toBe(true);
    expect(s.obs.n).toBe(3);
  });

  it('buildDataset repeats the value on every municipality of that year and notes it in the catalogue', async () => {
    const d = await ingestFile({ name: 'kommunal-deflator.csv', bytes: DEFLATOR });
    const m = await ingestFile({ name: 'innbyggere.csv', bytes: MUNI });
    const ds = buildDataset([m, d], dataSpecSchema.parse({}));
    const t = ds.table;
    expect(t.nRows).toBe(5);
    const info = ds.catalogue.find((v) => v.source === 'kommunal-deflator.csv');
    expect(info?.national).toBe(true);
    expect(info?.years).toEqual([2015, 2016, 2017]);
    const col = getNumeric(t, info?.name as string);
    const kommune = getString(t, 'kommune');
    const aar = getNumeric(t, 'aar');
    if (!col || !kommune || !aar) throw new Error('dataset columns missing');
    const at = (k: string, y: number) => {
      for (let r = 0; r < t.nRows; r++) if (kommune.values[r] === k && aar.values[r] === y) return r;
      return -1;
    };
    expect(col.values[at('0301', 2015)]).toBe(100);
    expect(col.values[at('3001', 2015)]).toBe(100);
    expect(col.values[at('0301', 2016)]).toBe(102.5);
    expect(col.missing[at('0301', 2017)]).toBe(Missing.missing);
    // 2018 is not in the series: missing, and not counted as a cell the file gave.
    expect(col.missing[at('0301', 2018)]).toBe(Missing.missing);
    expect(info?.nMissing).toBe(1);
    expect(info?.nUnits).toBe(2);
    // The national file does not make every municipality look "missing" in the other file.
    expect(ds.validation.sources.find((v) => v.file === 'innbyggere.csv')?.unitsMissingHere).toEqual([]);
  });
});
