/**
 * Issue 17 through the command line: the hostile corpus with `analyze inspect` in a real process
 * with a 1 GB heap (the far-cell .xlsx and the 10^9 cube used to abort the CLI with a V8
 * out-of-memory error), exit codes that follow the message (a file that cannot be read → 1), and
 * `import --out` writing hostile text through the one injection guard.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hostileCorpus } from './corpus';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kl-hostile-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function analyze(args: string[]): { code: number | null; stdout: string; stderr: string } {
  const out = spawnSync(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', join(root, 'cli/analyze.ts'), ...args], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  });
  return { code: out.status, stdout: out.stdout, stderr: out.stderr };
}

interface Inspected {
  file: string;
  problems: { code: string; message: string }[];
  units: number;
}

describe('analyze inspect on the hostile corpus', () => {
  const written = hostileCorpus.map((c) => {
    const path = join(dir, c.name);
    writeFileSync(path, c.bytes());
    return { c, path };
  });

  it('reads every file in one process with a 1 GB heap, with the message of each and exit 1', { timeout: 600_000 }, () => {
    const r = analyze(['inspect', ...written.map((w) => w.path), '--json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Inspected[];
    expect(out.map((o) => o.file)).toEqual(hostileCorpus.map((c) => c.name));
    out.forEach((o, i) => {
      const { expect: ex } = hostileCorpus[i];
      if (ex.code) expect(o.problems.find((p) => p.code === ex.code)?.message, o.file).toMatch(ex.nb);
      if (ex.units !== undefined) expect(o.units, o.file).toBe(ex.units);
    });
  });

  // One readable and one refused file on their own (each process costs seconds on a busy machine).
  for (const { c, path } of written.filter((w) => w.c.name === 'fjern-celle.xlsx' || w.c.name === 'euro-celle.csv')) {
    it(`${c.name}: exit ${c.expect.status === 'error' ? 1 : 0}`, { timeout: 120_000 }, () => {
      const r = analyze(['inspect', path]);
      expect(r.code).toBe(c.expect.status === 'error' ? 1 : 0);
      if (c.expect.code) expect(r.stdout).toMatch(c.expect.nb);
    });
  }

  it('a file that does not exist is exit 1 with a message, not a stack trace', { timeout: 120_000 }, () => {
    const r = analyze(['inspect', join(dir, 'finnes-ikke.csv'), '--json']);
    expect(r.code).toBe(1);
    const [o] = JSON.parse(r.stdout) as Inspected[];
    expect(o.problems[0].message).toContain('finnes-ikke.csv: fila finnes ikke');
  });

  it('import --out neutralises formula text from the corpus and keeps numbers', { timeout: 120_000 }, () => {
    const out = join(dir, 'tidy.csv');
    const r = analyze(['import', '--files', join(dir, 'formler.csv'), '--out', out]);
    expect(r.code).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text).toContain(`0301,'=cmd|' /C calc'!A0,`);
    expect(text).toContain(`'+cmd|`);
    expect(text).toContain(`'@SUM(A1)`);
    expect(text.split('\n')[1].endsWith(',1')).toBe(true);
  });
});
