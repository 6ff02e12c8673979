/**
 * The demo's first results packed by `npm run demo` (src/worker/firstPass.ts): a worker that keeps
 * the pack's files and first results answers the first run on «Data» without building the table,
 * with what building it gives, and the run after it computes the same results and sends nothing
 * again; runs that need the files wait while their values arrive; a first pass for other sections is
 * not used, and one that differs is replaced.
 */
import { describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { generateDemo } from '../../scripts/demo/index';
import { demoFirstPass, packDemo, readDemoSources } from '../../scripts/demo/pack';
import { diffResults } from '../../src/results/update';
import { loadSpec } from '../../src/spec/migrate';
import type { AnalysisSpec } from '../../src/spec/schema';
import { unpack } from '../../src/ingest/packedSources';
import { defaultDeps } from '../../src/worker/engine';
import { isFirstPass, sameSummary, type FirstPass } from '../../src/worker/firstPass';
import type { ImportedSource } from '../../src/worker/ingestTypes';
import { Pipeline } from '../../src/worker/pipeline';

const demo = generateDemo();
const control = { cancelled: () => false, progress: () => {} };

function demoSpec(): AnalysisSpec {
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error('demo spec invalid');
  return loaded.spec;
}

/** A pipeline holding the sources as the worker's loadDemo keeps them, counting table builds. */
function workerPipeline(sources: ImportedSource[]) {
  const built = { dataset: 0, variables: 0 };
  const pipeline = new Pipeline({
    ...defaultDeps,
    buildDataset: (...a) => (built.dataset++, defaultDeps.buildDataset(...a)),
    buildVariables: (...a) => (built.variables++, defaultDeps.buildVariables(...a)),
  });
  const loaded = demoSpec();
  const kept = loaded.data.sources.map((s, i) => pipeline.addImported(sources[i], { ...s, demo: true }).source);
  const spec = { ...loaded, data: { ...loaded.data, sources: kept } };
  return { pipeline, spec, built };
}

describe('the demo pack’s first results', async () => {
  const sources = await readDemoSources(demo);
  const first = await demoFirstPass(demo, sources);

  it('are in the pack, with its files', async () => {
    const stamp = 'test-stamp';
    const unpacked = unpack(gunzipSync(await packDemo(demo, stamp)), stamp);
    expect(unpacked?.sources).toHaveLength(demoSpec().data.sources.length);
    expect(isFirstPass(unpacked?.extra)).toBe(true);
    const packed = unpacked!.extra as FirstPass;
    expect(sameSummary(packed.dataset, first.dataset)).toBe(true);
    expect(packed.problems).toStrictEqual(first.problems);
    expect(packed.sections).toBe(first.sections);
  });

  it('answer the first run on «Data» without building the table, then the full run sends no dataset again and equals a run without them', async () => {
    const seeded = workerPipeline(sources);
    expect(seeded.pipeline.useFirstPass(seeded.spec, first)).toBe(true);
    const firstRun = await seeded.pipeline.runVersioned(seeded.spec, control, ['dataset']);
    expect(seeded.built).toEqual({ dataset: 0, variables: 0 });
    expect(firstRun!.results.dataset).toBe(first.dataset);

    const plain = workerPipeline(sources);
    const plainFirst = await plain.pipeline.runVersioned(plain.spec, control, ['dataset']);
    expect(sameSummary(firstRun!.results.dataset!, plainFirst!.results.dataset!)).toBe(true);
    expect(firstRun!.results.problems).toStrictEqual(plainFirst!.results.problems);
    expect(firstRun!.versions).toEqual(plainFirst!.versions);

    const full = await seeded.pipeline.runVersioned(seeded.spec, control);
    expect(seeded.built).toEqual({ dataset: 1, variables: 1 });
    const update = diffResults(full!.results, full!.versions, firstRun!.versions);
    expect(Object.keys(update.changed)).not.toContain('dataset');
    expect(full!.versions.dataset).toBe(firstRun!.versions.dataset);
    const plainFull = await plain.pipeline.runVersioned(plain.spec, control);
    expect(full!.results.problems).toStrictEqual(plainFull!.results.problems);
    expect(sameSummary(full!.results.dataset!, plainFull!.results.dataset!)).toBe(true);
    expect(full!.results.models).toStrictEqual(plainFull!.results.models);
  });

  it('let the first run through while the files’ values are still arriving; every other run waits for them', async () => {
    const seeded = workerPipeline(sources);
    let arrive = () => {};
    seeded.pipeline.valuesArriving(new Promise<void>((resolve) => (arrive = resolve)));
    expect(seeded.pipeline.useFirstPass(seeded.spec, first)).toBe(true);
    const firstRun = await seeded.pipeline.runVersioned(seeded.spec, control, ['dataset']);
    expect(firstRun!.results.dataset).toBe(first.dataset);
    const full = seeded.pipeline.runVersioned(seeded.spec, control);
    // Several turns of the event loop: a run that did not wait would have built the table by now.
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seeded.built).toEqual({ dataset: 0, variables: 0 });
    arrive();
    expect((await full)!.results.models).toBeDefined();
    expect(seeded.built).toEqual({ dataset: 1, variables: 1 });
  });

  it('start the values’ arrival only when a run needs them, not for the first run', async () => {
    const seeded = workerPipeline(sources);
    let arrive = () => {};
    let begun = 0;
    seeded.pipeline.valuesArriving(
      new Promise<void>((resolve) => (arrive = resolve)),
      () => begun++,
    );
    expect(seeded.pipeline.useFirstPass(seeded.spec, first)).toBe(true);
    await seeded.pipeline.runVersioned(seeded.spec, control, ['dataset']);
    expect(begun).toBe(0);
    const full = seeded.pipeline.runVersioned(seeded.spec, control);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(begun).toBe(1);
    arrive();
    expect((await full)!.results.models).toBeDefined();
    // Asked again, it is not begun twice.
    await seeded.pipeline.valuesIn();
    expect(begun).toBe(1);
  });

  it('are not used for other variables, nor once the table is built', async () => {
    const other = workerPipeline(sources);
    const edited = structuredClone(other.spec);
    edited.variables.ratios = edited.variables.ratios.slice(1);
    expect(other.pipeline.useFirstPass(edited, first)).toBe(false);
    const built = workerPipeline(sources);
    built.pipeline.analysisTable(built.spec);
    expect(built.pipeline.useFirstPass(built.spec, first)).toBe(false);
  });

  it('that differ from what the run computes are replaced: the dataset section is sent again', async () => {
    const wrong: FirstPass = { ...first, dataset: { ...first.dataset, nRows: first.dataset.nRows + 1 } };
    const seeded = workerPipeline(sources);
    expect(seeded.pipeline.useFirstPass(seeded.spec, wrong)).toBe(true);
    const firstRun = await seeded.pipeline.runVersioned(seeded.spec, control, ['dataset']);
    expect(firstRun!.results.dataset!.nRows).toBe(first.dataset.nRows + 1);
    const full = await seeded.pipeline.runVersioned(seeded.spec, control);
    const update = diffResults(full!.results, full!.versions, firstRun!.versions);
    expect(update.changed.dataset?.nRows).toBe(first.dataset.nRows);
  });
});
