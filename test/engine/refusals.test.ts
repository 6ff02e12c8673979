/**
 * Refusals and messages that are the same in every method.
 * * A zero or negative analytic weight is refused with its row named — in fit (every design), the
 *   common sample of LMG / best subsets / the bootstrap, and both cost-key methods. (Before, best
 *   subsets, LMG, the bootstrap and the explained-variance key dropped such rows silently.)
 * * `within` with clusters not nested in the units is refused with the reason (Stata's xtreg, fe).
 * * Per year, a year that cannot be estimated says so in plain words, named by its year, and the
 *   other years are returned as fitted (the CLI exits 0 with the year's `error` entry).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCase } from '../oracle/loadCase';
import { fitModel } from '../../src/engine/model/fitModel';
import type { ModelSpec } from '../../src/engine/model/types';
import { buildCommonSample, isProblem } from '../../src/engine/importance/sample';
import { stabilityFromResult } from '../../src/engine/stability/perYear';
import { Missing, type NumericColumn, type Table } from '../../src/engine/table';
import { emptySpec, type AnalysisSpec } from '../../src/spec/schema';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { explainedStage } from '../../src/worker/stages/explained';
import { stabilityStage } from '../../src/worker/stages/stability';
import { runCostKey } from '../../src/worker/stages/costkey';
import { toModelSpec } from '../../src/worker/stages/models';
import type { StageContext } from '../../src/worker/stages/types';
import { fitCommand } from '../../cli/commands/fit';
import { parseArgs } from '../../cli/args';

const CRITERIA = ['enslig_forsorger', 'lavinntekt', 'innb_0_22'];
/** Row 0 of the relimp data: 0301 (Oslo), 2015, every variable present. */
const BAD_ROW = 0;

function relimpTable(): Table {
  const c = loadCase('relimp');
  return { ...c.table, year: 'aar', unit: 'kommune' };
}

/** The relimp panel with analytic weights `w` = population, except `weight` in BAD_ROW. */
function withWeight(weight: number): Table {
  const t = relimpTable();
  const pop = t.columns.get('innbyggere') as NumericColumn;
  const values = Float64Array.from(pop.values);
  values[BAD_ROW] = weight;
  const columns = new Map(t.columns);
  columns.set('w', { ...pop, name: 'w', values });
  return { ...t, columns };
}

const base: ModelSpec = { dependent: 'utg_bv', regressors: CRITERIA, controls: ['frie_inntekter'], design: 'pooled', intercept: true, yearEffects: true, se: 'cluster', weights: 'w' };

/** The spec of the stages' tests: today's key as the model, one candidate, subsets and the bootstrap on. */
function specWith(weights: string | null) {
  const spec = emptySpec();
  spec.models.list.push(
    modelEntrySchema.parse({ id: 'm1', label: 'Dagens', dependent: 'utg_bv', regressors: CRITERIA, controls: ['frie_inntekter'], weights }),
  );
  spec.explained.candidateCriteria = ['phv_pas_0_17'];
  spec.explained.subsets.enabled = true;
  spec.stability.bootstrap = true;
  spec.stability.bootstrapB = 20;
  return spec;
}

/** A stage's context as the pipeline gives it: only the stage's selection of the spec. */
function ctx<I>(stage: { select(s: AnalysisSpec): I }, table: Table, weights: string | null): StageContext<I> {
  const input = stage.select(specWith(weights));
  return { input, table, results: { specHash: 'x', problems: [] } as unknown as StageContext<I>['results'], cancelled: () => false, progress: () => {}, pause: async () => {} };
}

const codes = (ps: { code: string }[]): string[] => ps.map((p) => p.code);

describe.each([0, -5])('an analytic weight of %s is refused with its row named, in every method', (weight) => {
  const table = withWeight(weight);
  const named = (m: string) => expect(m).toContain('rad 1 (0301, 2015)');

  it.each(['pooled', 'single', 'per-year', 'within'] as const)('fit, design %s', (design) => {
    const r = fitModel(table, { ...base, design, se: design === 'per-year' ? 'hc1' : base.se });
    expect(r.fits).toHaveLength(1);
    const o = r.fits[0].outcome;
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.problem.code).toBe('invalid-weights');
    named(o.problem.message);
    expect(o.problem.messageEn).toContain(`row 1 (0301, 2015) has ${weight}`);
  });

  it('the stability summary of a per-year run refused as a whole keeps the reason', () => {
    const st = stabilityFromResult(fitModel(table, { ...base, design: 'per-year', se: 'hc1' }), CRITERIA);
    expect(st.years).toEqual([]);
    expect(codes(st.problems)).toEqual(['invalid-weights']);
  });

  it('the common sample of LMG, best subsets and the bootstrap', () => {
    const s = buildCommonSample(table, { dependent: 'utg_bv', criteria: CRITERIA, controls: ['frie_inntekter'], weights: 'w' });
    expect(isProblem(s)).toBe(true);
    if (!isProblem(s)) return;
    expect(s.code).toBe('invalid-weights');
    named(s.message);
  });

  it('explained variance (comparison, LMG, best subsets) and the stability bootstrap', async () => {
    const ex = (await explainedStage.run(ctx(explainedStage, table, 'w')))!;
    expect(codes(ex.problems)).toContain('invalid-weights');
    expect(ex.relimp ?? null).toBeNull();
    expect(ex.subsets ?? null).toBeNull();
    const st = (await stabilityStage.run(ctx(stabilityStage, table, 'w')))!;
    expect(codes(st.problems)).toContain('invalid-weights');
    expect(st.bootstrap).toBeNull();
  });

  it('cost keys: the coefficient method says why its model was refused; explained variance refuses', () => {
    const spec = specWith('w');
    const entry = spec.models.list[0];
    const models = { m1: fitModel(table, toModelSpec(entry)) };
    spec.costKey.modelId = 'm1';
    const coef = runCostKey(spec, table, models);
    const notFitted = coef.problems.find((p) => p.code === 'model-not-fitted');
    expect(notFitted, JSON.stringify(coef.problems.map((p) => p.code))).toBeDefined();
    named(notFitted!.message);
    spec.costKey.method = 'explained-variance';
    const ev = runCostKey(spec, table, models);
    const refused = ev.problems.find((p) => p.code === 'invalid-weights');
    expect(refused).toBeDefined();
    named(refused!.message);
  });
});

it('with valid weights the same methods run (so the refusals above are about the weight)', async () => {
  const table = withWeight(1234);
  expect(fitModel(table, base).fits[0].outcome.ok).toBe(true);
  const ex = (await explainedStage.run(ctx(explainedStage, table, 'w')))!;
  expect(ex.problems).toEqual([]);
  expect(ex.relimp).toBeTruthy();
  const st = (await stabilityStage.run(ctx(stabilityStage, table, 'w')))!;
  expect(st.bootstrap?.valid).toBe(20);
});

describe('within with clusters not nested in the units', () => {
  const table = relimpTable();
  const within: ModelSpec = { ...base, design: 'within', weights: null };

  it('is refused with the reason, as Stata xtreg, fe', () => {
    const o = fitModel(table, { ...within, cluster: 'aar' }).fits[0].outcome;
    expect(o.ok).toBe(false);
    if (o.ok) return;
    expect(o.problem.code).toBe('cluster-not-nested');
    expect(o.problem.message).toMatch(/Klyngene \(aar\) er ikke nøstet i enhetene: enhet 0301 ligger i \d+ klynger/);
    expect(o.problem.messageEn).toContain('xtreg, fe');
  });

  it('clusters that contain whole units (the unit itself, or counties) are fitted', () => {
    expect(fitModel(table, within).fits[0].outcome.ok).toBe(true);
    const kommune = table.columns.get('kommune');
    if (kommune?.kind !== 'string') throw new Error('kommune is text');
    const columns = new Map(table.columns);
    columns.set('fylke', { kind: 'string', name: 'fylke', values: kommune.values.map((k) => k.slice(0, 2)) });
    const o = fitModel({ ...table, columns }, { ...within, cluster: 'fylke' }).fits[0].outcome;
    expect(o.ok).toBe(true);
  });
});

describe('per year, a year that cannot be estimated', () => {
  /** The relimp panel with every 2022 row but one missing the dependent: 2022 has 1 observation. */
  function oneUnitIn2022(): Table {
    const t = relimpTable();
    const y = t.columns.get('utg_bv') as NumericColumn;
    const year = t.columns.get('aar') as NumericColumn;
    const values = Float64Array.from(y.values);
    const missing = Uint8Array.from(y.missing);
    let kept = false;
    for (let i = 0; i < values.length; i++) {
      if (year.values[i] !== 2022) continue;
      if (!kept) {
        kept = true;
        continue;
      }
      values[i] = NaN;
      missing[i] = Missing.missing;
    }
    const columns = new Map(t.columns);
    columns.set('utg_bv', { ...y, values, missing });
    return { ...t, columns };
  }
  const perYear: ModelSpec = { ...base, design: 'per-year', se: 'hc1', weights: null, yearEffects: false };

  it('says so in plain words with its year, and the other years are fitted', () => {
    const r = fitModel(oneUnitIn2022(), perYear);
    expect(r.fits.map((f) => f.year)).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(r.fits.slice(0, 7).every((f) => f.outcome.ok)).toBe(true);
    const last = r.fits[7].outcome;
    expect(last.ok).toBe(false);
    if (last.ok) return;
    expect(last.problem.code).toBe('too-few-observations');
    expect(last.problem.message.startsWith('2022: bare 1 observasjon;')).toBe(true);
    expect(last.problem.messageEn.startsWith('2022: only 1 observation;')).toBe(true);
    expect(last.problem.where?.year).toBe(2022);
    // The stability summary keeps the year with its reason next to it.
    const st = stabilityFromResult(r, CRITERIA);
    expect(st.errors.map((e) => e?.code ?? null)).toEqual([null, null, null, null, null, null, null, 'too-few-observations']);
    expect(st.criteria[0].years).toHaveLength(7);
  });

  describe('CLI fit --design per-year', () => {
    afterEach(() => vi.restoreAllMocks());
    async function run(argv: string[]): Promise<{ code: number; out: string }> {
      let out = '';
      vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
        out += String(chunk);
        return true;
      });
      const code = await fitCommand.run(parseArgs(argv));
      vi.restoreAllMocks();
      return { code, out };
    }
    function csv(t: Table): string {
      const names = ['kommune', 'aar', 'utg_bv', ...CRITERIA, 'frie_inntekter'];
      const cell = (n: string, i: number): string => {
        const c = t.columns.get(n)!;
        if (c.kind === 'string') return c.values[i];
        return c.missing[i] ? '' : String(c.values[i]);
      };
      const lines = [names.join(',')];
      for (let i = 0; i < t.nRows; i++) lines.push(names.map((n) => cell(n, i)).join(','));
      const dir = mkdtempSync(join(tmpdir(), 'knl-peryear-'));
      const file = join(dir, 'panel.csv');
      writeFileSync(file, `${lines.join('\n')}\n`);
      return file;
    }

    it('exits 0 with the failed year as an `error` entry next to the fitted years', async () => {
      const file = csv(oneUnitIn2022());
      const { code, out } = await run(['--data', file, '--unit', 'kommune', '--year', 'aar', '--design', 'per-year', '--formula', `utg_bv ~ ${CRITERIA.join(' + ')} + frie_inntekter`, '--json']);
      expect(code).toBe(0);
      const json = JSON.parse(out) as Record<string, { error?: { code: string; message: string; message_en: string }; coefficients?: unknown; n?: number }>;
      expect(json['2021'].coefficients).toBeDefined();
      expect(json['2022'].error?.code).toBe('too-few-observations');
      expect(json['2022'].error?.message).toMatch(/^2022: bare 1 observasjon/);
      expect(json['2022'].error?.message_en).toMatch(/^2022: only 1 observation/);
    });
  });
});
