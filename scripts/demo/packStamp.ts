/**
 * The stamp of the code that reads files and computes the demo's first results (src/ingest with what
 * it reaches in src/engine and src/spec; the pipeline in src/worker and the result types in
 * src/results): a SHA-256 of every non-test source file there. `npm run demo` writes it into
 * demo-sources.bin and the build puts it in the page (vite.config.ts), so a pack written before that
 * code changed is never used: the page reads the demo's files and computes everything itself instead.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packStamp } from '../../src/ingest/packedSources';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const FOLDERS = ['src/ingest', 'src/engine', 'src/spec', 'src/worker', 'src/results'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) ? [path] : [];
  });
}

export function demoPackStamp(root = ROOT): string {
  const hash = createHash('sha256');
  const files = FOLDERS.flatMap((f) => sourceFiles(join(root, f))).sort();
  for (const file of files) {
    hash.update(relative(root, file).split('\\').join('/'));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 32);
}

/** A demo pack compared with the sources: written by them (fresh), by other code, or missing. */
export interface PackCheck {
  file: string;
  stale: boolean;
  /** The pack's stamp (null: no pack there, or not a pack). */
  packStamp: string | null;
  /** The stamp of the sources now. */
  sourceStamp: string;
}

/**
 * Whether the pack at `file` (demo-sources.bin, gzipped) was written by the sources as they are now.
 * A stale pack is not used by a page built from them: the page reads the demo's files and computes
 * the first results itself, so start-up figures measured with it are not the app's (`npm run bench`
 * warns, bench/demoPackCheck.ts). `npm run demo` writes a fresh one.
 */
export function checkDemoPack(file: string, sourceStamp = demoPackStamp()): PackCheck {
  let stamp: string | null = null;
  if (existsSync(file)) {
    try {
      stamp = packStamp(gunzipSync(readFileSync(file)));
    } catch {
      // Not gzip or not a pack: as good as none.
    }
  }
  return { file, stale: stamp !== sourceStamp, packStamp: stamp, sourceStamp };
}
