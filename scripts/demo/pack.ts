/**
 * demo-sources.bin: the demo's files read by the page's own ingest, as the worker's loadDemo reads
 * them (each source marked demo), packed (src/ingest/packedSources.ts) with the reading code's stamp
 * and gzipped.
 */
import { gzipSync } from 'node:zlib';
import { ingestFile } from '../../src/ingest';
import { packSources } from '../../src/ingest/packedSources';
import type { ImportedSource } from '../../src/ingest/types';
import { loadSpec } from '../../src/spec/migrate';
import type { DemoOutput } from './index';
import { demoPackStamp } from './packStamp';

/** The demo's sources as the worker would import them, in the spec's order. */
export async function readDemoSources(demo: Pick<DemoOutput, 'files' | 'specJson'>): Promise<ImportedSource[]> {
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error(`demo-spec.json: ${loaded.problems.map((p) => p.messageEn).join('; ')}`);
  const bytesOf = new Map(demo.files.map((f) => [f.name, f.bytes]));
  const imported: ImportedSource[] = [];
  for (const s of loaded.spec.data.sources) {
    const bytes = bytesOf.get(s.fileName);
    if (!bytes) throw new Error(`demo-spec.json names ${s.fileName}, which the demo does not write`);
    imported.push(await ingestFile({ name: s.fileName, bytes: new Uint8Array(bytes) }, { source: { ...s, demo: true } }));
  }
  return imported;
}

/** Gzipped: about as small as the CSV files gzipped; the browser unzips it natively (DecompressionStream). */
export async function packDemo(demo: Pick<DemoOutput, 'files' | 'specJson'>, stamp = demoPackStamp()): Promise<Uint8Array> {
  return gzipSync(packSources(await readDemoSources(demo), stamp));
}
