/**
 * The demo through the app's own worker pipeline (generated files → ingest → dataset → variables →
 * every stage), for tests that check what a view would show on first open. Not shipped code.
 */
import { generateDemo } from '../../scripts/demo/index';
import { loadSpec } from '../../src/spec/migrate';
import type { AnalysisSpec } from '../../src/spec/schema';
import { Pipeline } from '../../src/worker/pipeline';
import type { AnalysisResults } from '../../src/results/analysisResults';

export interface DemoRun {
  spec: AnalysisSpec;
  pipeline: Pipeline;
  results: AnalysisResults;
  /** Runs the same pipeline again on an edited copy of the spec (cached stages are reused). */
  rerun(edit: (spec: AnalysisSpec) => void): Promise<AnalysisResults>;
}

const control = { cancelled: () => false, progress: () => {} };

export async function runDemo(): Promise<DemoRun> {
  const demo = generateDemo();
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error('demo spec invalid');
  const spec = loaded.spec;
  const pipeline = new Pipeline();
  for (const s of spec.data.sources) {
    const f = demo.files.find((x) => x.name === s.fileName);
    if (!f) throw new Error(`demo file ${s.fileName} missing`);
    await pipeline.importFile({ name: f.name, bytes: f.bytes }, s);
  }
  const results = await pipeline.run(spec, control);
  if (!results) throw new Error('demo run superseded');
  return {
    spec,
    pipeline,
    results,
    async rerun(edit) {
      const copy = structuredClone(spec);
      edit(copy);
      const r = await pipeline.run(copy, control);
      if (!r) throw new Error('demo run superseded');
      return r;
    },
  };
}
