/**
 * Oracle cases `relimp` and `subsets` (computed in R, test/oracle/cases) against the
 * importance engine, plus property tests of the sweep machinery and the cluster bootstrap.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadCase, close, toleranceFor, type OracleCase } from './loadCase';
import { buildCommonSample, forcedColumns, isProblem, type CommonSample } from '../../src/engine/importance/sample';
import { Prng } from '../../src/engine/importance/prng';
import { clusterBootstrap } from '../../src/engine/stability/bootstrap';
import { partialOut, type Reduced } from '../../src/engine/importance/partialOut';
import { relativeImportance, type RelImpResult } from '../../src/engine/importance/relimp';
import { searchSubsets, type SubsetSearchResult } from '../../src/engine/importance/search';
import { fitSubset } from '../../src/engine/importance/enumerate';
import { makeTable, numericColumn, stringColumn } from '../../src/engine/table';
import { emptySpec } from '../../src/spec/schema';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { explainedStage } from '../../src/worker/stages/explained';
import { stabilityStage } from '../../src/worker/stages/stability';
import type { StageContext } from '../../src/worker/stages/types';

function prepare(c: OracleCase, criteria: string[]): { s: CommonSample; red: Reduced } {
  c.table.year = 'aar';
  c.table.unit = 'kommune';
  const s = buildCommonSample(c.table, {
    dependent: c.spec.dependent as string,
    criteria,
    intercept: true,
    yearEffects: true,
  });
  if (isProblem(s)) throw new Error(s.messageEn);
  const red = partialOut(s);
  if (isProblem(red)) throw new Error(red.messageEn);
  return { s, red };
}

function expectClose(got: number, exp: number, t: { rel: number; abs: number }, what: string) {
  if (!close(got, exp, t)) throw new Error(`${what}: got ${got}, expected ${exp} (diff ${got - exp})`);
}

describe('oracle relimp', () => {
  const c = loadCase('relimp');
  const names = c.spec.regressors as string[];
  const ex = c.expected as Record<string, unknown>;
  const t = toleranceFor(c.tolerance, 'r2');
  let s: CommonSample;
  let r: RelImpResult;
  it('fits on the common sample', () => {
    const prep = prepare(c, names);
    s = prep.s;
    const out = relativeImportance(prep.red);
    if (isProblem(out)) throw new Error(out.messageEn);
    r = out;
    expect(s.n).toBe(ex.n);
    const dropped = new Set(ex.dropped as number[]);
    expect(s.nDropped).toBe(dropped.size);
    for (const row of s.rows) expect(dropped.has(row)).toBe(false);
  });
  it('r2_full, r2_base, r2_decomposed', () => {
    expectClose(r.r2Full, ex.r2_full as number, t, 'r2_full');
    expectClose(r.r2Base, ex.r2_base as number, t, 'r2_base');
    expectClose(r.r2Decomposed, ex.r2_decomposed as number, t, 'r2_decomposed');
  });
  for (const key of ['lmg', 'lmg_share', 'one_at_a_time_r2', 'one_at_a_time_increment', 'last_in'] as const) {
    it(key, () => {
      const field = {
        lmg: r.lmg,
        lmg_share: r.lmgShare,
        one_at_a_time_r2: r.oneAtATimeR2,
        one_at_a_time_increment: r.oneAtATimeIncrement,
        last_in: r.lastIn,
      }[key];
      const exp = ex[key] as Record<string, number>;
      expect(Object.keys(exp)).toEqual(names);
      names.forEach((n, j) => expectClose(field[j], exp[n], toleranceFor(c.tolerance, key), `${key}.${n}`));
    });
  }
  it('subset_r2 (all 32)', () => {
    const subs = ex.subset_r2 as { regressors: string[]; r2: number }[];
    expect(subs.length).toBe(32);
    for (const sub of subs) {
      let mask = 0;
      for (const n of sub.regressors) mask |= 1 << names.indexOf(n);
      expectClose(r.subsetR2![mask], sub.r2, toleranceFor(c.tolerance, 'subset_r2'), `subset ${sub.regressors}`);
    }
  });
  it('LMG adds up to r2_full − r2_base', () => {
    const sum = r.lmg.reduce((a, b) => a + b, 0);
    expect(Math.abs(sum - r.r2Decomposed)).toBeLessThan(1e-14);
  });
  it('sampled LMG agrees with the exact value within its Monte-Carlo error', () => {
    const out = relativeImportance(prepare(c, names).red, { exactMax: 0, samples: 4000, seed: 7 });
    if (isProblem(out)) throw new Error(out.messageEn);
    expect(out.lmgMethod).toBe('sampled');
    out.lmg.forEach((v, j) => expect(Math.abs(v - r.lmg[j])).toBeLessThan(5 * out.lmgSe[j] + 1e-12));
    expect(out.lmgSe.every((x) => x > 0)).toBe(true);
  });
});

describe('oracle subsets', () => {
  const c = loadCase('subsets');
  const names = c.spec.candidates as string[];
  const ex = c.expected as Record<string, unknown>;
  let r: SubsetSearchResult;
  let red: Reduced;
  it('searches all 4096 subsets on the common sample', () => {
    const prep = prepare(c, names);
    red = prep.red;
    expect(prep.s.n).toBe(ex.n);
    const out = searchSubsets(red, { top: 3 });
    if (isProblem(out)) throw new Error(out.messageEn);
    r = out;
    expect(r.evaluated).toBe(4096);
    expect(r.notFittable).toBe(0);
    expectClose(r.r2Base, ex.r2_year_effects_only as number, toleranceFor(c.tolerance, 'r2'), 'r2 base');
  });
  it('best of each size: sets, r2, adj_r2, runner-up', () => {
    type Best = { size: number; regressors: string[]; r2: number; adj_r2: number; runner_up: { regressors: string[]; r2: number } | null };
    const best = ex.best as Best[];
    expect(best.length).toBe(12);
    for (const b of best) {
      const got = r.bySize.find((x) => x.size === b.size)!;
      expect(new Set(got.models[0].members)).toEqual(new Set(b.regressors));
      expectClose(got.models[0].r2, b.r2, toleranceFor(c.tolerance, 'r2'), `r2 size ${b.size}`);
      expectClose(got.models[0].adjR2, b.adj_r2, toleranceFor(c.tolerance, 'adj_r2'), `adj_r2 size ${b.size}`);
      if (b.runner_up) {
        expect(new Set(got.models[1].members)).toEqual(new Set(b.runner_up.regressors));
        expectClose(got.models[1].r2, b.runner_up.r2, toleranceFor(c.tolerance, 'r2'), `runner-up size ${b.size}`);
      } else expect(got.models.length).toBe(1);
    }
  });
});

/** Independent reference: RSS and coefficients of y on the columns by Householder QR. */
function qrFit(cols: Float64Array[], y: Float64Array): { rss: number; beta: number[] } {
  const n = y.length;
  const k = cols.length;
  const a = cols.map((c) => Float64Array.from(c));
  const b = Float64Array.from(y);
  for (let j = 0; j < k; j++) {
    let nrm = 0;
    for (let i = j; i < n; i++) nrm += a[j][i] ** 2;
    nrm = Math.sqrt(nrm);
    const alpha = a[j][j] > 0 ? -nrm : nrm;
    const v = new Float64Array(n);
    v[j] = a[j][j] - alpha;
    for (let i = j + 1; i < n; i++) v[i] = a[j][i];
    let vv = 0;
    for (let i = j; i < n; i++) vv += v[i] ** 2;
    for (const c of [...a.slice(j), b]) {
      let d = 0;
      for (let i = j; i < n; i++) d += v[i] * c[i];
      for (let i = j; i < n; i++) c[i] -= (2 * d * v[i]) / vv;
    }
  }
  let rss = 0;
  for (let i = k; i < n; i++) rss += b[i] ** 2;
  const beta = new Array<number>(k).fill(0);
  for (let j = k - 1; j >= 0; j--) {
    let s = b[j];
    for (let l = j + 1; l < k; l++) s -= a[l][j] * beta[l];
    beta[j] = s / a[j][j];
  }
  return { rss, beta };
}

function randomPanel(seed: number, p: number, units = 40, years = 4) {
  const rng = new Prng(seed);
  const n = units * years;
  const unit: string[] = [];
  const year = new Float64Array(n);
  const xs = Array.from({ length: p }, () => new Float64Array(n));
  const y = new Float64Array(n);
  const ctrl = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    unit.push(`u${Math.floor(i / years)}`);
    year[i] = 2000 + (i % years);
    const common = rng.nextFloat();
    ctrl[i] = 10 + rng.nextFloat();
    let yi = year[i] - 2000 + 0.3 * ctrl[i];
    for (let j = 0; j < p; j++) {
      xs[j][i] = common * (j % 2) + rng.nextFloat() * (j + 1);
      yi += (j - 1) * 0.2 * xs[j][i];
    }
    y[i] = yi + rng.nextFloat() * 2;
  }
  const names = xs.map((_, j) => `x${j}`);
  const table = makeTable(
    [stringColumn('unit', unit), numericColumn('aar', year), numericColumn('y', y), numericColumn('ctrl', ctrl), ...xs.map((v, j) => numericColumn(names[j], v))],
    { unit: 'unit', year: 'aar' },
  );
  return { table, names };
}

describe('sweep and decomposition properties', () => {
  it('subset R² from sweeps equals a direct QR fit, and LMG adds up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e6 }), fc.integer({ min: 2, max: 7 }), (seed, p) => {
        const { table, names } = randomPanel(seed, p);
        const s = buildCommonSample(table, { dependent: 'y', criteria: names, controls: ['ctrl'] });
        if (isProblem(s)) throw new Error(s.messageEn);
        const red = partialOut(s);
        if (isProblem(red)) throw new Error(red.messageEn);
        const rel = relativeImportance(red);
        if (isProblem(rel)) throw new Error(rel.messageEn);
        const forced = forcedColumns(s);
        let ybar = 0;
        for (const v of s.y) ybar += v / s.n;
        let tss = 0;
        for (const v of s.y) tss += (v - ybar) ** 2;
        for (let mask = 0; mask < 2 ** p; mask++) {
          const cols = [...forced.cols, ...s.x.filter((_, j) => (mask >> j) & 1)];
          const ref = qrFit(cols, s.y);
          expect(rel.subsetR2![mask]).toBeCloseTo(1 - ref.rss / tss, 10);
          if (mask === 2 ** p - 1) {
            const sw = fitSubset(red, new Uint8Array(p).fill(1));
            sw.coef.forEach((b, j) => expect(b).toBeCloseTo(ref.beta[forced.cols.length + j], 8));
          }
        }
        const sum = rel.lmg.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - rel.r2Decomposed)).toBeLessThan(1e-12);
      }),
      { numRuns: 25 },
    );
  });

  it('an exact duplicate criterion makes its subsets not fittable and the decomposition a Problem', () => {
    const { table, names } = randomPanel(3, 3);
    const dup = table.columns.get('x1')!;
    table.columns.set('dup', { ...dup, name: 'dup' });
    const s = buildCommonSample(table, { dependent: 'y', criteria: [...names, 'dup'] });
    if (isProblem(s)) throw new Error(s.messageEn);
    const red = partialOut(s);
    if (isProblem(red)) throw new Error(red.messageEn);
    const search = searchSubsets(red, { top: 3 });
    if (isProblem(search)) throw new Error(search.messageEn);
    expect(search.notFittable).toBe(4); // subsets holding both x1 and dup
    const rel = relativeImportance(red);
    expect(isProblem(rel) && rel.code).toBe('collinear');
  });

  it('cluster bootstrap: full-sample estimate equals OLS; deterministic for a seed', () => {
    const { table, names } = randomPanel(11, 4, 60, 5);
    const s = buildCommonSample(table, { dependent: 'y', criteria: names, controls: ['ctrl'] });
    if (isProblem(s)) throw new Error(s.messageEn);
    const a = clusterBootstrap(s, { B: 200, seed: 42 });
    const b = clusterBootstrap(s, { B: 200, seed: 42 });
    const c = clusterBootstrap(s, { B: 200, seed: 43 });
    if (isProblem(a) || isProblem(b) || isProblem(c)) throw new Error('bootstrap failed');
    expect(a.ciLow).toEqual(b.ciLow);
    expect(a.ciHigh).toEqual(b.ciHigh);
    expect(a.se).toEqual(b.se);
    expect(a.ciLow).not.toEqual(c.ciLow);
    expect(a.valid).toBe(200);
    // OLS with columns in the bootstrap's order: intercept, criteria, controls, year dummies.
    const forced = forcedColumns(s);
    const cols = [forced.cols[0], ...s.x, ...s.c, ...forced.cols.slice(1, 1 + s.years.length - 1)];
    const ref = qrFit(cols, s.y);
    a.estimate.forEach((v, j) => expect(v).toBeCloseTo(ref.beta[j], 8));
    a.estimate.forEach((v, j) => {
      expect(a.ciLow[j]).toBeLessThan(v + 3 * a.se[j]);
      expect(a.ciHigh[j]).toBeGreaterThan(v - 3 * a.se[j]);
    });
  });
});

describe('worker stages explained + stability on the relimp data', () => {
  it('compares, decomposes, searches, and summarises years', async () => {
    const c = loadCase('relimp');
    c.table.year = 'aar';
    c.table.unit = 'kommune';
    const spec = emptySpec();
    const crit = c.spec.regressors as string[];
    spec.models.list.push(
      modelEntrySchema.parse({ id: 'm1', label: 'Dagens', dependent: 'utg_bv', regressors: crit.slice(0, 3), controls: ['frie_inntekter'] }),
    );
    spec.explained.candidateCriteria = ['phv_pas_0_17'];
    spec.explained.subsets.enabled = true;
    spec.stability.bootstrap = true;
    spec.stability.bootstrapB = 50;
    const fractions: number[] = [];
    // Each stage sees its own selection of the spec, as in the pipeline.
    const ctx: Omit<StageContext<unknown>, 'input'> = {
      table: c.table,
      results: { specHash: 'x', problems: [] },
      cancelled: () => false,
      progress: (f: number) => fractions.push(f),
      pause: async () => {},
    };
    const ex = (await explainedStage.run({ ...ctx, input: explainedStage.select(spec) }))!;
    expect(ex.problems).toEqual([]);
    const cols = ex.comparison!.columns;
    expect(cols.map((x) => x.id)).toEqual(['m1', 'kandidat:phv_pas_0_17']);
    expect(cols[1].deltaR2).toBeCloseTo(cols[1].r2 - cols[0].r2, 15);
    expect(cols[1].deltaR2).toBeGreaterThan(0);
    expect(cols[1].cells.phv_pas_0_17.estimate).toBeGreaterThan(0);
    // Analysed model = baseline + candidate: the oracle's five criteria with frie_inntekter as a control.
    expect(ex.analysed!.criteria).toEqual(['enslig_forsorger', 'lavinntekt', 'innb_0_22', 'phv_pas_0_17']);
    expect(ex.relimp!.lmg.length).toBe(4);
    // The full decomposition equals the oracle's full model R² (same regressors, same sample).
    expect(ex.relimp!.r2Full).toBeCloseTo((c.expected as { r2_full: number }).r2_full, 10);
    expect(ex.relimp!.r2Base).toBeCloseTo((c.expected as { subset_r2: { r2: number }[] }).subset_r2[8].r2, 10);
    expect(ex.oneAtATime!.columns.every((col) => col.n === ex.analysed!.n)).toBe(true);
    expect(ex.stepwise!.columns.at(-1)!.r2).toBeCloseTo(ex.relimp!.r2Full, 10);
    expect(ex.subsets!.refits.columns.at(-1)!.r2).toBeCloseTo(ex.relimp!.r2Full, 10);
    expect(fractions.at(-1)).toBe(1);

    const st = (await stabilityStage.run({ ...ctx, input: stabilityStage.select(spec) }))!;
    expect(st.perYear!.years).toEqual([2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022]);
    expect(st.perYear!.criteria.map((x) => x.name)).toEqual(ex.analysed!.criteria);
    for (const cr of st.perYear!.criteria) {
      expect(cr.years.length).toBe(8);
      expect(cr.nPositive + cr.nNegative).toBe(8);
      expect(cr.signConsistent).toBe(cr.nPositive === 8 || cr.nNegative === 8);
    }
    expect(st.leaveOneYearOut!.fits.length).toBe(8);
    expect(st.leaveOneYearOut!.fits.every((f) => f.ok && f.n < ex.analysed!.n)).toBe(true);
    expect(st.bootstrap!.valid).toBe(50);
    expect(st.bootstrap!.names.slice(0, 6)).toEqual(['intercept', ...ex.analysed!.criteria, 'frie_inntekter']);
  });
});
