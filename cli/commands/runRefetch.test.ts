/**
 * `run --project FILE --refetch`: the SSB sources of a saved project are fetched again with their
 * stored query, the run uses the new data, and the summary says what changed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { run } from './run';
import { SsbClient } from '../../src/ssb/client';
import { assembleParts, provenanceOf } from '../../src/ssb/assemble';
import { provenanceFor } from '../../src/ssb/provenance';
import { saveProject } from '../../src/export/projectFile';
import { emptySpec } from '../../src/spec/schema';
import { sourceSpecSchema, type SsbQuery } from '../../src/spec/sections/data';
import { standinForTests } from '../../test/ssb-standin/forTests';
import type { Standin } from '../../test/ssb-standin/server';

const dir = mkdtempSync(join(tmpdir(), 'knl-refetch-'));
let standin: Standin;
beforeAll(async () => {
  standin = await standinForTests({ calls: 10_000 });
});
afterAll(async () => {
  await standin?.close();
  rmSync(dir, { recursive: true, force: true });
});

const QUERY: SsbQuery = {
  tableId: '12134',
  lang: 'no',
  selection: [
    { variableCode: 'KOKkommuneregion0000', codelist: null, valueCodes: ['????'] },
    { variableCode: 'ContentsCode', codelist: null, valueCodes: ['KOSAG110000'] },
    { variableCode: 'Tid', codelist: null, valueCodes: ['from(2023)'] },
  ],
};

describe('run --refetch', () => {
  it('fetches the stored query again, writes the new file and lists the changes', async () => {
    const client = new SsbClient({ api: standin.api });
    const fetched = await client.fetchData(QUERY);
    const ssb = provenanceFor(fetched, QUERY, 'https://data.ssb.no/api/pxwebapi/v2');
    const bytes = assembleParts(fetched.parts, fetched.order, ssb).bytes!;
    const spec = emptySpec();
    const source = sourceSpecSchema.parse({ id: 'ssb_12134', fileName: 'ssb-12134.json', format: 'json-stat', ssb });
    spec.data.sources.push(source);
    const project = join(dir, 'p.knl.json');
    writeFileSync(project, saveProject(spec, { files: [{ source, bytes }] }));

    standin.setVintage(1);
    let out = '';
    const w = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const code = await run.run(parseArgs(['--project', project, '--out', join(dir, 'out'), '--refetch', '--api', standin.api, '--json']));
      expect(code).toBe(0);
    } finally {
      w.mockRestore();
      e.mockRestore();
      standin.setVintage(0);
    }
    const summary = JSON.parse(out) as { refetched: { source: string; table: string; changes: { yearsAdded: string[]; cellsChanged: number } }[] };
    expect(summary.refetched).toHaveLength(1);
    expect(summary.refetched[0]).toMatchObject({ source: 'ssb_12134', table: '12134', changes: { yearsAdded: ['2025'] } });
    expect(summary.refetched[0].changes.cellsChanged).toBeGreaterThan(0);
    const written = join(dir, 'out', 'ssb-12134.json');
    expect(existsSync(written)).toBe(true);
    expect(provenanceOf(JSON.parse(readFileSync(written, 'utf8')))?.api).toBe(standin.api);
    expect(readFileSync(join(dir, 'out', 'analysis.R'), 'utf8')).toContain('PxWebApiData::get_api_data_2');
  });
});
