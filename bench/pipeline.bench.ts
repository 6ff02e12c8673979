/**
 * Demo analysis speed: the files in public/demo (written by `npm run demo`) and demo-spec.json run
 * through the worker's own `Pipeline` in Node, the path every page load of the app waits for.
 * - `demo_pipeline_ms`: one full run after import (buildDataset → buildVariables → every stage),
 *   on a fresh Pipeline so no cache helps; median over `PIPELINE_BENCH_REPS` runs after a warm-up.
 * - `demo_build_dataset_ms`, `demo_build_variables_ms`, `demo_stage_<key>_ms`: the same runs split
 *   per step (timed by wrapping the pipeline's deps and stages, so the pipeline code is unchanged).
 * - `demo_pipeline_cold_ms`: the first (warm-up) run, closest to what a fresh page load sees.
 * - `demo_after_dataset_ms`: the run without buildDataset (variables + stages), the part owned by
 *   the engine rather than ingest.
 * Import (ingestFile) is done once up front and excluded: the imported sources are handed to each
 * fresh Pipeline through a replayed `ingestFile`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchModule } from './types';

const DEMO_DIR = fileURLToPath(new URL('../public/demo/', import.meta.url));

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

export const pipelineBench: BenchModule = {
  name: 'pipeline',
  async run() {
    const specPath = join(DEMO_DIR, 'demo-spec.json');
    if (!existsSync(specPath)) {
      process.stderr.write('pipeline bench: public/demo is empty; run `npx tsx scripts/generate-demo.ts` first\n');
      return {};
    }
    // Imported lazily so that `--only=` for other benches does not pay for the app's module graph.
    const { loadSpec } = await import('../src/spec/migrate');
    const { Pipeline } = await import('../src/worker/pipeline');
    const { defaultDeps } = await import('../src/worker/engine');
    const { stages } = await import('../src/worker/stages');
    type ImportedSource = Awaited<ReturnType<typeof defaultDeps.ingestFile>>;

    const loaded = loadSpec(JSON.parse(readFileSync(specPath, 'utf8')));
    if (!loaded.ok) throw new Error(`demo-spec.json invalid: ${loaded.problems.map((p) => p.messageEn).join('; ')}`);
    const spec = loaded.spec;

    // Import once; later pipelines get the same ImportedSource objects back without parsing.
    const imported = new Map<string, ImportedSource>();
    for (const s of spec.data.sources) {
      const bytes = new Uint8Array(readFileSync(join(DEMO_DIR, s.fileName)));
      imported.set(s.id, await defaultDeps.ingestFile({ name: s.fileName, bytes }, { source: s }));
    }

    const reps = Number(process.env.PIPELINE_BENCH_REPS ?? 3);
    const times = new Map<string, number[]>();
    const record = (k: string, ms: number) => {
      const xs = times.get(k) ?? [];
      xs.push(ms);
      times.set(k, xs);
    };
    let coldMs = 0;
    const ctl = { cancelled: () => false, progress: () => {} };
    for (let r = 0; r <= reps; r++) {
      const warm = r === 0;
      const rec = (k: string, ms: number) => {
        if (!warm) record(k, ms);
      };
      let current = '';
      const pipeline = new Pipeline(
        {
          ...defaultDeps,
          ingestFile: () => Promise.resolve(imported.get(current)!),
          buildDataset: (sources, data) => {
            const t0 = performance.now();
            const out = defaultDeps.buildDataset(sources, data);
            rec('demo_build_dataset_ms', performance.now() - t0);
            return out;
          },
          buildVariables: (dataset, vspec) => {
            const t0 = performance.now();
            const out = defaultDeps.buildVariables(dataset, vspec);
            rec('demo_build_variables_ms', performance.now() - t0);
            return out;
          },
        },
        stages.map((st) => ({
          ...st,
          run: async (ctx) => {
            const t0 = performance.now();
            const out = await st.run(ctx);
            rec(`demo_stage_${st.key}_ms`, performance.now() - t0);
            return out;
          },
        })),
      );
      for (const s of spec.data.sources) {
        current = s.id;
        await pipeline.importFile({ name: s.fileName, bytes: new Uint8Array() }, s);
      }
      const t0 = performance.now();
      const res = await pipeline.run(spec, ctl);
      rec('demo_pipeline_ms', performance.now() - t0);
      // The browser runs the demo once per page load, unwarmed: the first run is that figure.
      if (warm) coldMs = performance.now() - t0;
      if (!res) throw new Error('demo pipeline run was superseded');
    }
    const out: Record<string, number> = {};
    for (const [k, xs] of times) out[k] = median(xs);
    out.demo_pipeline_cold_ms = coldMs;
    out.demo_after_dataset_ms = out.demo_pipeline_ms - (out.demo_build_dataset_ms ?? 0);
    return out;
  },
};
