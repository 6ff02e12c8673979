/**
 * `analyze -- run --project FILE --out DIR` writes analysedata.csv next to the scripts that read it,
 * and the file holds the pipeline's table (a small project with one missing value).
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { tidyTable } from '../../src/ingest/tidyTable';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'knl-run-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeProject(): string {
  const rows = ['kommune;år;x;y'];
  for (let u = 0; u < 12; u++) {
    for (let t = 0; t < 3; t++) {
      const x = (u * 7 + t * 3) % 11;
      const y = u === 3 && t === 1 ? '' : String(2 + 3 * x + ((((u * 13 + t * 5) % 7) - 3) * 0.1)).replace('.', ',');
      rows.push(`${9100 + u} Testkommune ${u};${2020 + t};${x};${y}`);
    }
  }
  writeFileSync(join(dir, 'data.csv'), rows.join('\n') + '\n');
  const spec = {
    version: 1,
    title: 'CLI-test',
    data: { sources: [{ id: 'a', fileName: 'data.csv', format: 'csv' }] },
    models: { list: [{ id: 'm1', label: 'M1', dependent: 'y', regressors: ['x'] }], shown: ['m1'] },
  };
  const path = join(dir, 'proj.json');
  writeFileSync(path, JSON.stringify(spec));
  return path;
}

describe('run --project', () => {
  it('writes analysedata.csv with the table, missing as empty', async () => {
    const project = writeProject();
    const out = join(dir, 'out');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await run.run(parseArgs(['--project', project, '--out', out, '--json']));
    } finally {
      spy.mockRestore();
    }
    expect(code).toBe(0);
    for (const f of ['analysis.R', 'analysis.do', 'analysedata.csv']) expect(existsSync(join(out, f))).toBe(true);
    const text = readFileSync(join(out, 'analysedata.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe('kommune,navn,aar,x,y');
    const t = tidyTable(text, ['kommune', 'navn']);
    expect(t.nRows).toBe(36);
    const k = t.columns.get('kommune');
    const y = t.columns.get('y');
    if (k?.kind !== 'string' || y?.kind !== 'number') throw new Error('columns');
    const row = k.values.findIndex((c, i) => c === '9103' && t.columns.get('aar')?.values[i] === 2021);
    expect(y.missing[row]).not.toBe(0);
    expect(y.values[k.values.indexOf('9101')]).toBe(23.3);
    // The scripts name the same file.
    expect(readFileSync(join(out, 'analysis.R'), 'utf8')).toContain('"analysedata.csv"');
  }, 30_000);
});
