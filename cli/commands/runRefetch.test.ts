/**
 * `run --project FILE --refetch`: the SSB sources of a saved project are fetched again with their
 * stored query, the run uses the new data, and the summary says what changed.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { run } from './run';
import { assembleParts, provenanceOf } from '../../src/ssb/assemble';
import { saveProject } from '../../src/export/projectFile';
import { emptySpec } from '../../src/spec/schema';
import { atNextVintage, fetchAsSource, frieInntekterQuery, standinForFile } from '../../test/ssb-standin/forTests';

const dir = mkdtempSync(join(tmpdir(), 'knl-refetch-'));
const standin = standinForFile({ calls: 10_000 });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const QUERY = frieInntekterQuery('from(2023)');

describe('run --refetch', () => {
  it('fetches the stored query again, writes the new file and lists the changes', async () => {
    // The project names SSB's own API; the run is pointed at the stand-in with --api.
    const { fetched, source } = await fetchAsSource(standin().api, QUERY, 'https://data.ssb.no/api/pxwebapi/v2');
    const bytes = assembleParts(fetched.parts, fetched.order, source.ssb!).bytes!;
    const spec = emptySpec();
    spec.data.sources.push(source);
    const project = join(dir, 'p.knl.json');
    writeFileSync(project, saveProject(spec, { files: [{ source, bytes }] }));

    let out = '';
    const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const args = ['--project', project, '--out', join(dir, 'out'), '--refetch', '--api', standin().api, '--json'];
      const code = await atNextVintage(standin(), () => run.run(parseArgs(args)));
      expect(code).toBe(0);
    } finally {
      w.mockRestore();
      e.mockRestore();
    }
    const summary = JSON.parse(out) as { refetched: { source: string; table: string; changes: { yearsAdded: string[]; cellsChanged: number } }[] };
    expect(summary.refetched).toHaveLength(1);
    expect(summary.refetched[0]).toMatchObject({ source: 'ssb_12134', table: '12134', changes: { yearsAdded: ['2025'] } });
    expect(summary.refetched[0].changes.cellsChanged).toBeGreaterThan(0);
    const written = join(dir, 'out', 'ssb-12134.json');
    expect(existsSync(written)).toBe(true);
    expect(provenanceOf(JSON.parse(readFileSync(written, 'utf8')))?.api).toBe(standin().api);
    expect(readFileSync(join(dir, 'out', 'analysis.R'), 'utf8')).toContain('PxWebApiData::get_api_data_2');
  });
});
