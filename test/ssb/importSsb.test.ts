/**
 * The worker's side of a fetch: parts from the stand-in reassembled and read by the same ingest as an
 * upload, and a later fetch compared with the previous file («Oppdater fra SSB»).
 */
import { describe, expect, it } from 'vitest';
import { Pipeline } from '../../src/worker/pipeline';
import { importSsb } from '../../src/worker/ssbImport';
import { emptySpec } from '../../src/spec/schema';
import { getNumeric } from '../../src/engine/table';
import { atNextVintage, fetchAsSource, frieInntekterQuery, standinForFile } from '../ssb-standin/forTests';

const standin = standinForFile({ calls: 10_000, maxCells: 400 });
const QUERY = frieInntekterQuery('top(2)');

describe('importSsb (worker)', () => {
  it('reads a split fetch like an upload, with provenance; a refresh lists new years and revised cells', async () => {
    const { fetched, source } = await fetchAsSource(standin().api, QUERY);
    expect(fetched.parts.length).toBe(2);
    const pipeline = new Pipeline();
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

    const second = await atNextVintage(standin(), async () => {
      const again = await fetchAsSource(standin().api, QUERY);
      return importSsb(pipeline, { parts: again.fetched.parts, order: again.fetched.order, source: first.source!, previous: first.bytes });
    });
    expect(second.changes?.yearsAdded).toEqual(['2025']);
    expect(second.changes?.yearsRemoved).toEqual(['2023']);
    expect(second.changes?.cellsChanged).toBeGreaterThan(0);
    expect(second.changes?.updatedAfter).not.toBe(second.changes?.updatedBefore);
  });
});
