/**
 * The demo's files as `npm run demo` read them (demo/demo-sources.bin, gzipped; src/ingest/packedSources.ts),
 * with the first results it computed from them (firstPass.ts): used only when written by this page's
 * own code (the build's stamp) and for exactly the files the demo's spec lists, in its order;
 * otherwise null and the worker reads the files.
 */
import { unpack } from '../ingest/packedSources';
import type { SourceSpec } from '../spec/sections/data';
import { isFirstPass, type FirstPass } from './firstPass';
import type { ImportedSource } from './ingestTypes';

/** Set by the build (vite.config.ts); absent outside a Vite build, where no pack is used. */
const STAMP: string | undefined = import.meta.env.VITE_DEMO_PACK_STAMP;

/** The gzipped pack, unzipped (null when it is missing or unreadable). */
export async function unzipDemoPack(gzipped: Uint8Array | null): Promise<Uint8Array | null> {
  if (!gzipped) return null;
  try {
    const unzipped = new Blob([gzipped as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
    return new Uint8Array(await new Response(unzipped).arrayBuffer());
  } catch {
    return null;
  }
}

export interface DemoPack {
  sources: ImportedSource[];
  /** The first results on «Data», when the pack has them. */
  first: FirstPass | null;
}

export function unpackDemo(bytes: Uint8Array | null, sources: SourceSpec[], stamp = STAMP): DemoPack | null {
  if (!bytes || !stamp) return null;
  const packed = unpack(bytes, stamp);
  if (!packed || packed.sources.length !== sources.length) return null;
  if (!packed.sources.every((p, i) => p.spec.fileName === sources[i].fileName)) return null;
  return { sources: packed.sources, first: isFirstPass(packed.extra) ? packed.extra : null };
}
