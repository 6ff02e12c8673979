/**
 * The demo's files as `npm run demo` read them (demo/demo-sources.bin, gzipped; src/ingest/packedSources.ts),
 * with the first results it computed from them (firstPass.ts): used only when written by this page's
 * own code (the build's stamp) and for exactly the files the demo's spec lists, in its order;
 * otherwise null and the worker reads the files.
 */
import { unpackStream } from '../ingest/packedSources';
import type { SourceSpec } from '../spec/sections/data';
import { isFirstPass, type FirstPass } from './firstPass';
import type { ImportedSource } from './ingestTypes';

/** Set by the build (vite.config.ts); absent outside a Vite build, where no pack is used. */
const STAMP: string | undefined = import.meta.env.VITE_DEMO_PACK_STAMP;

export interface DemoPack {
  sources: ImportedSource[];
  /** The first results on «Data», when the pack has them. */
  first: FirstPass | null;
  /**
   * Resolves when the sources' typed arrays hold their values: the pack is unzipped as it is read,
   * and its header (everything but the arrays) comes first, so the worker can answer the page and
   * show the first results while the rest is still being unzipped. Rejects when the pack breaks off.
   */
  filled: Promise<void>;
}

/**
 * The gzipped pack opened (null when it is missing, unreadable or written by other code): its header
 * at once, the values unzipped once `begin` resolves (unpackStream).
 */
export async function openDemoPack(
  gzipped: Uint8Array | null,
  stamp = STAMP,
  begin?: Promise<void>,
): Promise<Omit<DemoPack, 'first'> & { extra: unknown } | null> {
  if (!gzipped || !stamp) return null;
  try {
    const stream = new Blob([gzipped as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return await unpackStream(stream, stamp, begin);
  } catch {
    return null;
  }
}

/** The pack when it holds exactly the files the demo's spec lists, in its order; else null. */
export function demoPack(opened: Omit<DemoPack, 'first'> & { extra: unknown } | null, sources: SourceSpec[]): DemoPack | null {
  if (!opened || opened.sources.length !== sources.length) return null;
  if (!opened.sources.every((p, i) => p.spec.fileName === sources[i].fileName)) return null;
  return { sources: opened.sources, first: isFirstPass(opened.extra) ? opened.extra : null, filled: opened.filled };
}
