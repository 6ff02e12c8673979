/**
 * The demo's files as `npm run demo` read them (demo/demo-sources.bin, gzipped; src/ingest/packedSources.ts):
 * used only when written by this page's own reading code (the build's stamp) and for exactly the
 * files the demo's spec lists, in its order; otherwise null and the worker reads the files.
 */
import { unpackSources } from '../ingest/packedSources';
import type { SourceSpec } from '../spec/sections/data';
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

export function unpackDemo(bytes: Uint8Array | null, sources: SourceSpec[]): ImportedSource[] | null {
  if (!bytes || !STAMP) return null;
  const packed = unpackSources(bytes, STAMP);
  if (!packed || packed.length !== sources.length) return null;
  return packed.every((p, i) => p.spec.fileName === sources[i].fileName) ? packed : null;
}
