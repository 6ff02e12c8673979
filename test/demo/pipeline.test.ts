/**
 * demo-spec.json is a valid AnalysisSpec and the app's own pipeline (ingest → dataset → variables →
 * fitModel) runs on the demo files with the spec's mappings, finding every variable it names.
 */
import { describe, expect, it } from 'vitest';
import { generateDemo } from '../../scripts/demo/index';
import { DATASET } from '../../scripts/demo/spec';
import { loadSpec } from '../../src/spec/migrate';
import { ingestFile } from '../../src/ingest/ingestFile';
import { buildDataset } from '../../src/ingest/dataset/buildDataset';
import { buildVariables } from '../../src/engine/variables/buildVariables';
import { fitModel } from '../../src/engine/model/fitModel';
import type { ImportedSource } from '../../src/ingest/types';
import { Pipeline } from '../../src/worker/pipeline';
import { defaultDeps } from '../../src/worker/engine';

const demo = generateDemo();

describe('demo-spec.json', () => {
  const loaded = loadSpec(JSON.parse(demo.specJson));

  it('is a valid AnalysisSpec, titled as synthetic, listing demo sources', () => {
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const spec = loaded.spec;
    expect(spec.title).toBe('Demo (syntetiske data)');
    expect(spec.data.sources.length).toBeGreaterThanOrEqual(7);
    for (const s of spec.data.sources) {
      expect(s.demo).toBe(true);
      expect(demo.files.some((f) => f.name === s.fileName)).toBe(true);
    }
    expect(spec.models.shown).toEqual(['bv_dagens', 'bv_phv']);
    expect(spec.explained.baselineModelId).toBe('bv_dagens');
    const ids = [
      ...spec.variables.expenditure.map((e) => e.id),
      ...spec.variables.ratios.map((e) => e.id),
      ...spec.variables.ageGroups.map((e) => e.id),
      ...spec.variables.formulas.map((e) => e.id),
      ...spec.variables.residualised.map((e) => e.id),
      ...spec.models.list.map((m) => m.id),
    ];
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('runs through ingest, dataset, variables and the pooled models', async () => {
    if (!loaded.ok) throw new Error('spec invalid');
    const spec = loaded.spec;
    const sources: ImportedSource[] = [];
    for (const s of spec.data.sources) {
      const f = demo.files.find((x) => x.name === s.fileName)!;
      const r = await ingestFile({ name: f.name, bytes: f.bytes }, { source: s });
      expect(r.status, f.name).toBe('ok');
      expect(r.problems.filter((p) => p.severity === 'error'), f.name).toEqual([]);
      // The price index is a national series (one value per year, repeated on every municipality).
      if (s.mapping?.role === 'national') expect(r.national, f.name).toBe(true);
      else expect(r.units, f.name).toHaveLength(356);
      sources.push(r);
    }
    const names = new Set(sources.flatMap((s) => s.variables.map((v) => v.name)));
    for (const n of Object.values(DATASET)) expect(names.has(n), n).toBe(true);

    const ds = buildDataset(sources, spec.data);
    expect(ds.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(ds.table.nRows).toBe(3560);
    const built = buildVariables(ds, spec.variables);
    expect(built.problems.filter((p) => p.severity === 'error')).toEqual([]);

    const r2 = (id: string) => {
      const m = spec.models.list.find((x) => x.id === id)!;
      const o = fitModel(built.table, m).fits[0].outcome;
      if (!o.ok) throw new Error(`${id} did not fit`);
      return o;
    };
    const base = r2('bv_dagens');
    const plus = r2('bv_phv');
    // Fixed 2015 kroner through the national deflator, as in SØF 2017 (calibration.test.ts).
    const index = built.table.columns.get('kommunal_deflator_2015_100');
    const years = built.table.columns.get('aar');
    if (index?.kind !== 'number' || years?.kind !== 'number') throw new Error('deflator or year missing');
    const byYear = new Map<number, Set<number>>();
    for (let i = 0; i < built.table.nRows; i++) {
      const set = byYear.get(years.values[i]) ?? new Set<number>();
      set.add(index.values[i]);
      byYear.set(years.values[i], set);
    }
    expect([...byYear.get(2015)!]).toEqual([100]);
    for (const set of byYear.values()) expect(set.size).toBe(1);
    expect(base.r2).toBeGreaterThan(0.05);
    expect(base.r2).toBeLessThan(0.35);
    expect(plus.r2 - base.r2).toBeGreaterThan(0.015);
    const phv = plus.coefficients.find((c) => c.name === 'phv_under_18_pi')!;
    expect(phv.estimate).toBeGreaterThan(0);
    expect(phv.p).toBeLessThan(0.01);
    const sh = r2('sh_dagens');
    const shPlus = r2('sh_phv');
    expect(sh.r2).toBeGreaterThan(0.2);
    expect(sh.r2).toBeLessThan(0.35);
    expect(shPlus.r2 - sh.r2).toBeGreaterThan(0.015);
  });

  it('a table the worker builds from the demo before the page asks is the one the first run of the page uses', async () => {
    if (!loaded.ok) throw new Error('spec invalid');
    const built = { dataset: 0, variables: 0 };
    const pipeline = new Pipeline({
      ...defaultDeps,
      buildDataset: (...a) => (built.dataset++, defaultDeps.buildDataset(...a)),
      buildVariables: (...a) => (built.variables++, defaultDeps.buildVariables(...a)),
    });
    // As the worker's loadDemo: each file kept with its demo flag, the spec given the kept sources,
    // the table built at once (prepareTable).
    const sources = [];
    for (const s of loaded.spec.data.sources) {
      const f = demo.files.find((x) => x.name === s.fileName)!;
      sources.push((await pipeline.importFile({ name: f.name, bytes: f.bytes }, { ...s, demo: true })).source);
    }
    const workerSpec = { ...loaded.spec, data: { ...loaded.spec.data, sources } };
    const early = pipeline.analysisTable(workerSpec);
    expect(built).toEqual({ dataset: 1, variables: 1 });
    // The page loads the spec it was sent (a structured clone) and runs the open view's sections.
    const page = loadSpec(structuredClone(workerSpec));
    if (!page.ok) throw new Error('the worker sent an invalid spec');
    const ctl = { cancelled: () => false, progress: () => {} };
    const first = await pipeline.runVersioned(page.spec, ctl, ['dataset']);
    expect(built).toEqual({ dataset: 1, variables: 1 });
    expect(pipeline.analysisTable(page.spec)).toBe(early);
    expect(first?.results.dataset?.nRows).toBe(3560);
  });
});
