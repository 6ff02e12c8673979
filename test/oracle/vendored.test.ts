/**
 * The oracle cases are vendored in test/oracle/cases so a clean clone runs them (R results are data).
 * When the shared oracle folder is beside the checkout, the copy must be byte-identical to it: a
 * regenerated oracle shows up here instead of silently diverging from the tests.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeWithShared, SHARED_DIR } from '../support/shared';

const here = dirname(fileURLToPath(import.meta.url));
const VENDORED = resolve(here, 'cases');
const SHARED_ORACLE = join(SHARED_DIR, 'reference/oracle');

function files(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory()) out.push(...files(p));
    else out.push(p);
  }
  return out;
}

it('the vendored cases are there: 18 cases with case.json and data.csv', () => {
  const cases = readdirSync(VENDORED).filter((e) => statSync(join(VENDORED, e)).isDirectory());
  expect(cases).toHaveLength(18);
  for (const c of cases) {
    expect(readdirSync(join(VENDORED, c))).toEqual(expect.arrayContaining(['case.json', 'data.csv']));
    expect(JSON.parse(readFileSync(join(VENDORED, c, 'case.json'), 'utf8')).name).toBe(c);
  }
});

describeWithShared(SHARED_ORACLE, 'vendored oracle = shared oracle', () => {
  it('same files, same bytes', () => {
    const want = files(SHARED_ORACLE).map((p) => relative(SHARED_ORACLE, p));
    expect(files(VENDORED).map((p) => relative(VENDORED, p))).toEqual(want);
    for (const rel of want) expect(readFileSync(join(VENDORED, rel)).equals(readFileSync(join(SHARED_ORACLE, rel))), rel).toBe(true);
  });
});
