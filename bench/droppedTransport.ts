/**
 * The results message with the models' dropped rows as objects (before) and packed
 * (src/results/droppedPack.ts), in V8's structured-clone format (what postMessage sends between a
 * worker and the page): message size, and the page's apply (deserialize + mergeResults), median of
 * `REPS` alternating runs. Cases: the demo's real results (its pipeline in Node) and a big synthetic
 * upload (50 000 municipality-years, 12 models each dropping ~30 % of the rows for 1–3 variables).
 * Run: npx tsx bench/droppedTransport.ts  (after `npm run demo`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deserialize, serialize } from 'node:v8';
import { loadSpec } from '../src/spec/migrate';
import { Pipeline } from '../src/worker/pipeline';
import { defaultDeps } from '../src/worker/engine';
import type { AnalysisResults } from '../src/results/analysisResults';
import type { DroppedRow, ModelResult } from '../src/engine/model/types';
import { diffResults, mergeResults, type ResultsUpdate } from '../src/results/update';
import { Prng } from '../src/engine/importance/prng';

const REPS = Number(process.env.REPS ?? 9);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

async function demoResults(): Promise<AnalysisResults> {
  const dir = fileURLToPath(new URL('../public/demo/', import.meta.url));
  const loaded = loadSpec(JSON.parse(readFileSync(join(dir, 'demo-spec.json'), 'utf8')));
  if (!loaded.ok) throw new Error('demo spec');
  const pipeline = new Pipeline(defaultDeps);
  for (const s of loaded.spec.data.sources) await pipeline.importFile({ name: s.fileName, bytes: new Uint8Array(readFileSync(join(dir, s.fileName))) }, s);
  const out = await pipeline.runVersioned(loaded.spec, { cancelled: () => false, progress: () => {} });
  if (!out) throw new Error('superseded');
  return out.results;
}

/** The demo's models, refitted on a big upload: their fits keep their numbers, their dropped lists are big. */
function bigResults(demo: AnalysisResults): AnalysisResults {
  const rng = new Prng(19);
  const units = 5000;
  const years = 10;
  const vars = ['barn_0_15_enslig', 'lavinntekt', 'innb_0_22', 'psyk_u18', 'frie_inntekter', 'skjonn', 'reiseavstand', 'bosatt_spredt'];
  const reasons = ['missing', 'suppressed', 'not-applicable'];
  const template = Object.values(demo.models ?? {})[0] as ModelResult;
  const models: Record<string, ModelResult> = {};
  for (let m = 0; m < 12; m++) {
    const dropped: DroppedRow[] = [];
    for (let row = 0; row < units * years; row++) {
      if (rng.nextFloat() > 0.3) continue;
      const k = 1 + rng.nextInt(3);
      const variables = vars.slice(m % 4, m % 4 + k);
      dropped.push({ row, variables, reasons: variables.map(() => reasons[rng.nextInt(3)]), unit: String(3001 + Math.floor(row / years)), year: 2015 + (row % years) });
    }
    models[`m${m}`] = { ...template, fits: template.fits.map((f) => ({ ...f, outcome: { ...f.outcome, dropped } })) };
  }
  return { ...demo, models };
}

const SECTIONS = ['dataset', 'models', 'describe', 'costKey', 'district', 'totalKey', 'explained', 'stability', 'keyUncertainty', 'scenarios'] as const;
const versionsOf = (r: AnalysisResults) => Object.fromEntries(SECTIONS.filter((k) => k in r).map((k) => [k, 1]));

/** Before: every section as it crossed until now (the models with their dropped rows as objects). */
function oldUpdate(r: AnalysisResults): ResultsUpdate {
  const versions = versionsOf(r);
  return { specHash: r.specHash, problems: r.problems, versions, changed: Object.fromEntries(Object.keys(versions).map((k) => [k, r[k as keyof AnalysisResults]])) } as unknown as ResultsUpdate;
}

function measure(name: string, r: AnalysisResults): void {
  const oldMsg = serialize(oldUpdate(r));
  const newMsg = serialize(diffResults(r, versionsOf(r), {}));
  const dropped = Object.values(r.models ?? {}).reduce((a, m) => a + m.fits.reduce((b, f) => b + f.outcome.dropped.length, 0), 0);
  const tOld: number[] = [];
  const tNew: number[] = [];
  const tOpen: number[] = [];
  for (let i = 0; i < REPS; i++) {
    let t0 = performance.now();
    const a = deserialize(oldMsg) as ResultsUpdate;
    // Before, mergeResults took each section as it came (the models too).
    const { models: oldModels, ...rest } = a.changed;
    const merged = mergeResults(null, {}, { ...a, changed: rest, versions: { ...a.versions, models: undefined } });
    if (merged) (merged as { models?: unknown }).models = oldModels;
    tOld.push(performance.now() - t0);
    t0 = performance.now();
    const b = mergeResults(null, {}, deserialize(newMsg) as ResultsUpdate)!;
    tNew.push(performance.now() - t0);
    // What a view then pays when it shows one model's dropped rows.
    t0 = performance.now();
    void Object.values(b.models!)[0].fits[0].outcome.dropped.length;
    tOpen.push(performance.now() - t0);
  }
  const mb = (n: number) => (n / 1e6).toFixed(3);
  console.log(`${name}: ${dropped} dropped rows in all; message ${mb(oldMsg.length)} MB → ${mb(newMsg.length)} MB; apply (deserialize + merge) median ${median(tOld).toFixed(1)} ms → ${median(tNew).toFixed(1)} ms; one model's list unpacked on show ${median(tOpen).toFixed(2)} ms`);
}

const demo = await demoResults();
const { cpus, loadavg } = await import('node:os');
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}, ${cpus().length} cores`);
measure('demo', demo);
measure('big', bigResults(demo));
console.log(`load ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
