/**
 * `analyze -- fetch` against the stand-in: the written file is one JSON-stat 2 table with its
 * provenance, the importer reads it like any Statistikkbanken download, and errors are plain text.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { fetchCommand, parseSelection, splitCodes } from './fetch';
import { ingestFile } from '../../src/ingest/index';
import { provenanceOf } from '../../src/ssb/assemble';
import { standinForTests } from '../../test/ssb-standin/forTests';
import type { Standin } from '../../test/ssb-standin/server';

const dir = mkdtempSync(join(tmpdir(), 'knl-fetch-'));
let standin: Standin;
beforeAll(async () => {
  standin = await standinForTests({ calls: 10_000, maxCells: 2000 });
});
afterAll(async () => {
  await standin?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((out += String(s)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((err += String(s)), true));
  try {
    return { code: await fetchCommand.run(parseArgs(argv)), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('fetch', () => {
  it('parses --select and --codelist; commas inside expressions stay', () => {
    expect(splitCodes('2015,range(2016,2018), top(2)')).toEqual(['2015', 'range(2016,2018)', 'top(2)']);
    expect(parseSelection(['Region=*', 'Kjonn=', 'Tid=top(3)'], ['Region=agg_KommSummer'])).toEqual([
      { variableCode: 'Region', codelist: 'agg_KommSummer', valueCodes: ['*'] },
      { variableCode: 'Kjonn', codelist: null, valueCodes: [] },
      { variableCode: 'Tid', codelist: null, valueCodes: ['top(3)'] },
    ]);
    expect(() => parseSelection(['Region'], [])).toThrow(/Dim=kode/);
  });

  it('writes one JSON-stat 2 file (split over the limit) that imports like a download, with provenance', async () => {
    const out = join(dir, 'folk.json');
    const r = await cli(['--table', '07459', '--select', 'Region=*', '--codelist', 'Region=agg_KommSummer', '--select', 'Alder=000,001,002,105+', '--select', 'ContentsCode=Personer1', '--select', 'Tid=top(2)', '--api', standin.api, '--out', out, '--json']);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out) as { cells: number; requests: number };
    expect(summary.cells).toBe(357 * 4 * 2);
    expect(summary.requests).toBe(2);
    const bytes = new Uint8Array(readFileSync(out));
    const prov = provenanceOf(JSON.parse(new TextDecoder().decode(bytes)));
    expect(prov?.query.tableId).toBe('07459');
    expect(prov?.urls).toHaveLength(2);
    expect(prov?.title).toMatch(/^07459: Befolkning/);
    const src = await ingestFile({ name: 'folk.json', bytes });
    expect(src.status).toBe('ok');
    expect(src.units).toHaveLength(357);
    expect(src.units).toContain('3101');
    expect(src.variables.map((v) => v.dims.age).sort()).toEqual(['0', '1', '105+', '2']);
  });

  it('exits 1 with the API error in Norwegian', async () => {
    const r = await cli(['--table', '12367', '--select', 'KOKfunksjon0000=244', '--api', standin.api, '--out', join(dir, 'x.json')]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/Utvalget fra tabell 12367 kan ikke hentes: dimensjonene .*må være med i utvalget/);
  });
});
