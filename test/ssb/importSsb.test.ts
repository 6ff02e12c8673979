/**
 * The worker's side of a fetch: parts from the stand-in reassembled and read by the same ingest as an
 * upload, and a later fetch compared with the previous file («Oppdater fra SSB»).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsbClient } from '../../src/ssb/client';
import { provenanceFor } from '../../src/ssb/provenance';
import { Pipeline } from '../../src/worker/pipeline';
import { importSsb } from '../../src/worker/ssbImport';
import { emptySpec } from '../../src/spec/schema';
import { sourceSpecSchema, type SsbQuery } from '../../src/spec/sections/data';
import { getNumeric } from '../../src/engine/table';
import { standinForTests } from '../ssb-standin/forTests';
import type { Standin } from '../ssb-standin/server';

let standin: Standin;
beforeAll(async () => {
  standin = await standinForTests({ calls: 10_000, maxCells: 400 });
});
afterAll(() => standin?.close());

const QUERY: SsbQuery = {
  tableId: '12134',
  lang: 'no',
  selection: [
    { variableCode: 'KOKkommuneregion0000', codelist: null, valueCodes: ['????'] },
    { variableCode: 'ContentsCode', codelist: null, valueCodes: ['KOSAG110000'] },
    { variableCode: 'Tid', codelist: null, valueCodes: ['top(2)'] },
  ],
};

describe('importSsb (worker)', () => {
  it('reads a split fetch like an upload, with provenance; a refresh lists new years and revised cells', async () => {
    const client = new SsbClient({ api: standin.api });
    const fetched = await client.fetchData(QUERY);
    expect(fetched.parts.length).toBe(2);
    const pipeline = new Pipeline();
    const source = sourceSpecSchema.parse({ id: 'ssb_12134', fileName: 'ssb-12134.json', format: 'json-stat', ssb: provenanceFor(fetched, QUERY, client.api) });
    const first = await importSsb(pipeline, { parts: fetched.parts, order: fetched.order, source });
    expect(first.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(first.source?.ssb?.query.tableId).toBe('12134');
    const spec = emptySpec();
    spec.data.sources = [first.source!];
    const results = await pipeline.run(spec, { cancelled: () => false, progress: () => {} });
    const table = pipeline.analysisTable(spec);
    const name = results!.dataset!.catalogue[0].name;
    expect(getNumeric(table, name)).toBeDefined();
    // Oslo, Bergen, Trondheim 2024: the recorded real values of 12134 (frie inntekter per innbygger).
    const rows = [...Array(table.nRows).keys()].filter((i) => table.columns.get('aar') && (getNumeric(table, 'aar')!.values[i] === 2024));
    const kommune = table.columns.get('kommune') as { values: string[] };
    const value = (code: string) => getNumeric(table, name)!.values[rows.find((i) => kommune.values[i] === code)!];
    expect([value('0301'), value('4601'), value('5001')]).toEqual([81240, 66605, 62853]);

    standin.setVintage(1);
    try {
      const again = await new SsbClient({ api: standin.api }).fetchData(QUERY);
      const second = await importSsb(pipeline, { parts: again.parts, order: again.order, source: first.source!, previous: first.bytes });
      expect(second.changes?.yearsAdded).toEqual(['2025']);
      expect(second.changes?.yearsRemoved).toEqual(['2023']);
      expect(second.changes?.cellsChanged).toBeGreaterThan(0);
      expect(second.changes?.updatedAfter).not.toBe(second.changes?.updatedBefore);
    } finally {
      standin.setVintage(0);
    }
  });
});
