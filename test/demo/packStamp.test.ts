/**
 * The bench's check of the demo pack (bench/demoPackCheck.ts, scripts/demo/packStamp.ts): a pack is
 * fresh only when its stamp is the stamp of the sources as they are now; an edit to them (not to a
 * test) makes it stale, and so does a missing or unreadable pack. The warning says how to fix it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkDemoPack, demoPackStamp } from '../../scripts/demo/packStamp';
import { packSources, packStamp } from '../../src/ingest/packedSources';
import { demoPackChecks, demoPackWarning } from '../../bench/demoPackCheck';

let root: string;
const write = (path: string, text: string | Uint8Array) => {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), text);
};
const pack = (stamp: string) => gzipSync(packSources([], stamp));
const PACK = 'public/demo/demo-sources.bin';

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'packstamp-'));
  for (const dir of ['src/ingest', 'src/engine', 'src/spec', 'src/worker', 'src/results']) write(`${dir}/a.ts`, `export const where = '${dir}';\n`);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('the demo pack against the sources', () => {
  it('a pack written by the sources as they are is fresh; its stamp is read back from the gzipped file', () => {
    const stamp = demoPackStamp(root);
    write(PACK, pack(stamp));
    expect(checkDemoPack(join(root, PACK), demoPackStamp(root))).toEqual({ file: join(root, PACK), stale: false, packStamp: stamp, sourceStamp: stamp });
    expect(packStamp(packSources([], 'abc'))).toBe('abc');
    expect(packStamp(new TextEncoder().encode('not a pack'))).toBeNull();
  });

  it('an edit to the worker or the results after the pack makes it stale; an edit to a test does not', () => {
    const stamp = demoPackStamp(root);
    write(PACK, pack(stamp));
    write('src/worker/a.test.ts', 'test code\n');
    expect(checkDemoPack(join(root, PACK), demoPackStamp(root)).stale).toBe(false);
    write('src/results/a.ts', "export const where = 'edited';\n");
    const now = demoPackStamp(root);
    expect(now).not.toBe(stamp);
    expect(checkDemoPack(join(root, PACK), now)).toMatchObject({ stale: true, packStamp: stamp, sourceStamp: now });
    // `npm run demo` again: fresh.
    write(PACK, pack(now));
    expect(checkDemoPack(join(root, PACK), now).stale).toBe(false);
    write('src/worker/b.ts', 'export {};\n');
    expect(checkDemoPack(join(root, PACK), demoPackStamp(root)).stale).toBe(true);
  });

  it('a missing or unreadable pack is stale', () => {
    const stamp = demoPackStamp(root);
    expect(checkDemoPack(join(root, PACK), stamp)).toMatchObject({ stale: true, packStamp: null });
    write(PACK, 'not gzip');
    expect(checkDemoPack(join(root, PACK), stamp)).toMatchObject({ stale: true, packStamp: null });
    write(PACK, gzipSync(new TextEncoder().encode('gzip, but not a pack')));
    expect(checkDemoPack(join(root, PACK), stamp)).toMatchObject({ stale: true, packStamp: null });
  });

  it('the bench checks public/demo and the built app, and warns with the fix only when one is stale', () => {
    const stamp = demoPackStamp(root);
    write(PACK, pack(stamp));
    // No built app: public/demo only.
    expect(demoPackChecks(root, 'dist', stamp)).toHaveLength(1);
    write('dist/index.html', '<!doctype html>');
    write('dist/demo/demo-sources.bin', pack(stamp));
    const fresh = demoPackChecks(root, 'dist', stamp);
    expect(fresh.map((c) => c.stale)).toEqual([false, false]);
    expect(demoPackWarning(fresh, root)).toBe('');
    // The app was built before the last `npm run demo` (its pack is of older sources).
    write('dist/demo/demo-sources.bin', pack('0123456789abcdef0123456789abcdef'));
    const checks = demoPackChecks(root, 'dist', stamp);
    expect(checks.map((c) => c.stale)).toEqual([false, true]);
    const warning = demoPackWarning(checks, root);
    expect(warning).toContain('npm run demo');
    expect(warning).toContain('dist/demo/demo-sources.bin: stamp 0123456789ab…');
    expect(warning).not.toContain('public/demo');
  });
});
