/**
 * demo-sources.bin: the demo's files read by the page's own ingest, as the worker's loadDemo reads
 * them (each source marked demo), and the first results the worker computes from them on the «Data»
 * view (src/worker/firstPass.ts), packed (src/ingest/packedSources.ts) with the code's stamp and
 * gzipped.
 */
import { gzipSync } from 'node:zlib';
import { ingestFile } from '../../src/ingest';
import { packSources } from '../../src/ingest/packedSources';
import type { ImportedSource } from '../../src/ingest/types';
import { loadSpec } from '../../src/spec/migrate';
import type { AnalysisSpec } from '../../src/spec/schema';
import { sectionsKey, type FirstPass } from '../../src/worker/firstPass';
import { Pipeline } from '../../src/worker/pipeline';
import type { DemoOutput } from './index';
import { demoPackStamp } from './packStamp';

/** The demo's sources as the worker would import them, in the spec's order. */
export async function readDemoSources(demo: Pick<DemoOutput, 'files' | 'specJson'>): Promise<ImportedSource[]> {
  const spec = demoSpec(demo);
  const bytesOf = new Map(demo.files.map((f) => [f.name, f.bytes]));
  const imported: ImportedSource[] = [];
  for (const s of spec.data.sources) {
    const bytes = bytesOf.get(s.fileName);
    if (!bytes) throw new Error(`demo-spec.json names ${s.fileName}, which the demo does not write`);
    imported.push(await ingestFile({ name: s.fileName, bytes: new Uint8Array(bytes) }, { source: { ...s, demo: true } }));
  }
  return imported;
}

function demoSpec(demo: Pick<DemoOutput, 'specJson'>): AnalysisSpec {
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error(`demo-spec.json: ${loaded.problems.map((p) => p.messageEn).join('; ')}`);
  return loaded.spec;
}

/**
 * The first pass of a first load on «Data» (only the dataset section), as the worker computes it
 * after loadDemo has kept these sources: the same Pipeline, the same spec.
 */
export async function demoFirstPass(demo: Pick<DemoOutput, 'specJson'>, sources: ImportedSource[]): Promise<FirstPass> {
  const loaded = demoSpec(demo);
  const pipeline = new Pipeline();
  const kept = loaded.data.sources.map((s, i) => pipeline.addImported(sources[i], { ...s, demo: true }));
  const spec = { ...loaded, data: { ...loaded.data, sources: kept.map((k) => k.source) } };
  const out = await pipeline.runVersioned(spec, { cancelled: () => false, progress: () => {} }, ['dataset']);
  if (!out?.results.dataset) throw new Error('the demo gave no dataset section');
  return { sections: sectionsKey(spec), problems: out.results.problems, dataset: out.results.dataset };
}

/** Gzipped: about as small as the CSV files gzipped; the browser unzips it natively (DecompressionStream). */
export async function packDemo(demo: Pick<DemoOutput, 'files' | 'specJson'>, stamp = demoPackStamp()): Promise<Uint8Array> {
  const sources = await readDemoSources(demo);
  // The pipeline only reads the sources (test/demo/packedSources.test.ts compares them after this).
  const first = await demoFirstPass(demo, sources);
  return gzipSync(packSources(sources, stamp, first));
}
