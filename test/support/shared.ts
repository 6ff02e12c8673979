/**
 * Tests that read `../shared` (the real SSB/Klass files beside the checkout, and the R oracle the
 * vendored cases are copied from). Locally a missing folder skips them; in CI (`CI=true`) it FAILS
 * them, so a clean clone cannot go green without running them.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** The `shared` folder beside the checkout (`../shared` from the repository root). */
export const SHARED_DIR = process.env.KNL_SHARED_DIR ?? resolve(here, '../../../shared');

/** The real SSB / Klass files (`../shared/data/real`); KNL_REAL_DIR overrides. */
export const REAL_DIR = process.env.KNL_REAL_DIR ?? resolve(SHARED_DIR, 'data/real');

export function inCi(): boolean {
  const ci = (process.env.CI ?? '').toLowerCase();
  return ci === 'true' || ci === '1';
}

function missingInCi(title: string, paths: string[]): void {
  it(`${title}: needs ${paths.join(', ')}`, () => {
    throw new Error(`${paths.join(', ')} is missing. Tests that need ../shared run in CI (CI=true): put the shared folder beside the checkout.`);
  });
}

/** `describe` for tests that need every one of `paths`: runs, fails in CI, or is skipped locally. */
export function describeWithShared(paths: string | string[], title: string, body: () => void): void {
  const list = Array.isArray(paths) ? paths : [paths];
  if (list.every((p) => existsSync(p))) describe(title, body);
  else if (inCi()) describe(title, () => missingInCi(title, list.filter((p) => !existsSync(p))));
  // The body is not run: it may read the missing files while the tests are collected.
  else describe.skip(title, () => it(`needs ${list.join(', ')}`, () => {}));
}

/** `it` for one test that needs every one of `paths` (same rule as describeWithShared). */
export function itWithShared(paths: string | string[], title: string, fn: () => unknown, timeout?: number): void {
  const list = Array.isArray(paths) ? paths : [paths];
  if (list.every((p) => existsSync(p))) it(title, fn, timeout);
  else if (inCi()) missingInCi(title, list.filter((p) => !existsSync(p)));
  else it.skip(title, () => {});
}
