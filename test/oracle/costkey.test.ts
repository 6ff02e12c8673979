/**
 * Oracle tests of the cost-key engine against R (test/oracle/cases): costkey-baseline and
 * costkey-phv (regression, national means, ŷ, weights, per-municipality index and kroner), the
 * Trondheim 2012 district shares (Fafo 2014 Tables 2.19/2.20), and the identities as properties.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { close, loadCase, splitCsvLine, toleranceFor, type OracleCase } from './loadCase';
import {
  BASIC,
  coefficientWeights,
  districtShares,
  evaluateOnBase,
  keyData,
  makeKeyBase,
  needIndex,
  prepareCriteria,
  redistribute,
  roundPercent1,
  stableSum,
  fitCoefficients,
  type KeyData,
  type KeyRecord,
} from '../../src/engine/costkey';
import { INTERCEPT } from '../../src/engine/ols/fit';
import { fitModel } from '../../src/engine/model/fitModel';
import type { FitSuccess } from '../../src/engine/model/types';
import { runCostKey } from '../../cli/commands/costkey';
import { parseArgs } from '../../cli/args';

interface CostkeySpec {
  dependent: string;
  criteria: string[];
  controls: string[];
  population: string;
  basicCriterion: string;
  unitId: string;
  yUnitNok: number;
  sample: Record<string, number>;
  currentKey: Record<string, number>;
}
interface Regression {
  coefficients: Record<string, number>;
  se: Record<string, number>;
  t: Record<string, number>;
  p: Record<string, number>;
  df: number;
  r2: number;
  adj_r2: number;
  rmse: number;
  n: number;
  k: number;
  dropped: number[];
}
interface CostkeyExpected {
  regression: Regression;
  national_means: Record<string, number>;
  yhat_national: number;
  y_obs_national: number;
  population_total: number;
  weights: Record<string, number>;
  weights_current: Record<string, number>;
}

function expectClose(got: number, want: number, tol: { rel: number; abs: number }, what: string): void {
  if (!close(got, want, tol))
    expect.fail(`${what}: got ${got}, expected ${want} (tol ${JSON.stringify(tol)})`);
}

function readExpectedCsv(dir: string): Record<string, string>[] {
  const lines = readFileSync(join(dir, 'expected.csv'), 'utf8')
    .split('\n')
    .filter((l) => l.length > 0);
  const header = splitCsvLine(lines[0]);
  return lines.slice(1).map((l) => {
    const cells = splitCsvLine(l);
    return Object.fromEntries(header.map((h, j) => [h, cells[j]]));
  });
}

/** The oracle's key record uses the basic criterion's name; the engine uses BASIC. */
function toEngineKey(rec: Record<string, number>, basicName: string): KeyRecord {
  const out: KeyRecord = {};
  for (const [k, v] of Object.entries(rec)) out[k === basicName ? BASIC : k] = v;
  return out;
}

function setup(c: OracleCase): { spec: CostkeySpec; exp: CostkeyExpected; data: KeyData } {
  const spec = c.spec as unknown as CostkeySpec;
  const exp = c.expected as unknown as CostkeyExpected;
  c.table.unit = spec.unitId;
  c.table.year = 'aar';
  c.table.unitName = 'navn';
  const data = keyData(c.table, {
    unit: spec.unitId,
    unitName: 'navn',
    population: spec.population,
    yearColumn: 'aar',
    year: spec.sample.aar,
    criteria: spec.criteria,
    controls: spec.controls,
    dependent: spec.dependent,
  });
  if (!('prep' in data)) throw new Error(JSON.stringify(data.problems));
  return { spec, exp, data };
}

/** Checks weights, index and kroner per municipality given the regression coefficients. */
function checkKey(c: OracleCase, coefficients: Record<string, number>): void {
  const { spec, exp, data } = setup(c);
  const tol = (f: string) => toleranceFor(c.tolerance, f);
  expect(data.prep.units.length).toBe(exp.regression.n);
  expectClose(data.prep.populationTotal, exp.population_total, tol('population_total'), 'P');
  for (const [k, v] of Object.entries(exp.national_means))
    expectClose(data.national[k], v, tol('national_means'), `x̄ ${k}`);
  expectClose(data.yObsNational, exp.y_obs_national, tol('y_obs_national'), 'ȳ_obs');

  const w = coefficientWeights({
    criteria: spec.criteria,
    controls: spec.controls,
    coefficients,
    national: data.national,
    remainder: 'population',
  });
  expectClose(w.yhatNational as number, exp.yhat_national, tol('yhat_national'), 'ŷ');
  expectClose(w.basic, exp.weights[spec.basicCriterion], tol('weights'), 'w basic');
  for (const cw of w.criteria) expectClose(cw.weight, exp.weights[cw.name], tol('weights'), `w ${cw.name}`);
  expect(w.sumOk).toBe(true);

  const proposed: KeyRecord = { [BASIC]: w.basic };
  for (const cw of w.criteria) proposed[cw.name] = cw.weight;
  const base = makeKeyBase(
    data.prep,
    data.names,
    exp.y_obs_national * spec.yUnitNok,
    toEngineKey(spec.currentKey, spec.basicCriterion),
  );
  const ev = { ...evaluateOnBase(base, proposed), indexCurrent: base.indexCurrent };

  const rows = readExpectedCsv(c.dir);
  expect(rows.length).toBe(data.prep.units.length);
  const pos = new Map(data.prep.units.map((u, i) => [u, i]));
  for (const r of rows) {
    const i = pos.get(r.kommune);
    if (i === undefined) expect.fail(`kommune ${r.kommune} missing`);
    const got: Record<string, number> = {
      innbyggere: data.prep.population[i],
      index: ev.index[i],
      need_per_capita_1000nok: ev.needPerCapita[i] / spec.yUnitNok,
      equalisation_nok: ev.amount[i],
      index_current: ev.indexCurrent[i],
      equalisation_current_nok: ev.amountCurrent[i],
      change_nok: ev.change[i],
      change_per_capita_nok: ev.changePerCapita[i],
    };
    expect(data.names[i]).toBe(r.navn);
    for (const [f, v] of Object.entries(got)) expectClose(v, Number(r[f]), tol(f), `${r.kommune} ${f}`);
  }
  expectClose(ev.checks.sumAmount, 0, tol('sum_equalisation_nok'), 'Σ T');
  expectClose(ev.checks.sumChange, 0, tol('sum_change_nok'), 'Σ ΔT');
  expect(Math.abs(ev.checks.meanIndex - 1)).toBeLessThan(1e-12);
}

function fitCase(c: OracleCase): FitSuccess {
  const spec = c.spec as unknown as CostkeySpec;
  c.table.unit = spec.unitId;
  c.table.year = 'aar';
  const res = fitModel(c.table, {
    dependent: spec.dependent,
    regressors: spec.criteria,
    controls: spec.controls,
    design: 'single',
    intercept: true,
    yearEffects: false,
    se: 'hc1',
    sample: { years: [spec.sample.aar] },
  });
  const out = res.fits[0]?.outcome;
  if (!out || !out.ok) throw new Error(`fit failed: ${JSON.stringify(out)}`);
  return out;
}

describe('cost-key oracle cases', () => {
  for (const name of ['costkey-baseline', 'costkey-phv']) {
    describe(name, () => {
      it('weights, index and kroner from the oracle coefficients', () => {
        const c = loadCase(name);
        checkKey(c, (c.expected as unknown as CostkeyExpected).regression.coefficients);
      });

      it('regression via fitModel (HC1, sample year) and the whole key from the fitted coefficients', () => {
        const c = loadCase(name);
        const exp = (c.expected as unknown as CostkeyExpected).regression;
        const fit = fitCase(c);
        const tol = (f: string) => toleranceFor(c.tolerance, f);
        expect(fit.n).toBe(exp.n);
        expect(fit.k).toBe(exp.k);
        expect(fit.dfT).toBe(exp.df);
        const byName = new Map(fit.coefficients.map((x) => [x.name, x]));
        for (const key of Object.keys(exp.coefficients)) {
          const got = byName.get(key === 'intercept' ? INTERCEPT : key);
          if (!got) expect.fail(`coefficient ${key} missing`);
          expectClose(got.estimate, exp.coefficients[key], tol('coefficients'), `b ${key}`);
          expectClose(got.se, exp.se[key], tol('se'), `se ${key}`);
          expectClose(got.t, exp.t[key], tol('t'), `t ${key}`);
          expectClose(got.p, exp.p[key], tol('p'), `p ${key}`);
        }
        expectClose(fit.r2, exp.r2, tol('r2'), 'r2');
        expectClose(fit.adjR2, exp.adj_r2, tol('adj_r2'), 'adj r2');
        expectClose(fit.rmse, exp.rmse, tol('rmse'), 'rmse');
        checkKey(loadCase(name), fitCoefficients(fit).coefficients);
      });
    });
  }

  describe('trondheim-2012', () => {
    const c = loadCase('trondheim-2012');
    const spec = c.spec as unknown as { unit: string; keys: Record<string, Record<string, number>> };
    const exp = c.expected as unknown as {
      shares: Record<string, Record<string, number>>;
      published_percent: Record<string, Record<string, number>>;
    };
    const districts = (c.table.columns.get(spec.unit) as { values: string[] }).values;
    const criteria = [...c.table.columns.keys()].filter((k) => k !== spec.unit);
    const counts = new Float64Array(districts.length * criteria.length);
    districts.forEach((_, d) =>
      criteria.forEach(
        (k, j) =>
          (counts[d * criteria.length + j] = (c.table.columns.get(k) as { values: Float64Array }).values[d]),
      ),
    );
    for (const [key, weights] of Object.entries(spec.keys)) {
      it(`${key}: exact shares and the published one-decimal percentages`, () => {
        const { shares, problems } = districtShares({ districts, criteria, counts }, weights);
        expect(problems).toEqual([]);
        const t = toleranceFor(c.tolerance, 'shares');
        districts.forEach((d, i) => {
          expectClose(shares[i], exp.shares[key][d], t, `${key} ${d}`);
          expect(roundPercent1(shares[i])).toBe(exp.published_percent[key][d]);
        });
        expect(Math.abs(stableSum(shares) - 1)).toBeLessThan(1e-12);
      });
    }
  });
});

describe('identities (property tests)', () => {
  const unitArb = fc.record({
    pop: fc.integer({ min: 1, max: 1_000_000 }),
    x: fc.array(fc.double({ min: 0.001, max: 10, noNaN: true }), { minLength: 3, maxLength: 3 }),
  });
  const weightsArb = fc
    .array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 })
    .map((ws) => {
      const s = ws.reduce((a, b) => a + b, 0);
      return ws.map((w) => w / s);
    });

  it('Σ n_i·I_i = Σ n_i for positive data and weights summing to 1', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 60 }), weightsArb, (units, ws) => {
        const prep = prepareCriteria(
          units.map((_, i) => String(i)),
          units.map((u) => u.pop),
          [0, 1, 2].map((j) => ({ name: `c${j}`, values: units.map((u) => u.x[j]) })),
        );
        const idx = needIndex(prep, ws[3], Float64Array.from(ws.slice(0, 3)));
        let s = 0;
        for (let i = 0; i < idx.length; i++) s += prep.population[i] * idx[i];
        expect(Math.abs(s - prep.populationTotal)).toBeLessThanOrEqual(1e-9 * prep.populationTotal);
        return true;
      }),
    );
  });

  it('equalisation and change sum to zero (relative to the gross amount moved)', () => {
    fc.assert(
      fc.property(
        fc.array(unitArb, { minLength: 2, maxLength: 60 }),
        weightsArb,
        weightsArb,
        fc.double({ min: 1, max: 100_000, noNaN: true }),
        (units, ws, wc, U) => {
          const prep = prepareCriteria(
            units.map((_, i) => String(i)),
            units.map((u) => u.pop),
            [0, 1, 2].map((j) => ({ name: `c${j}`, values: units.map((u) => u.x[j]) })),
          );
          const a = needIndex(prep, ws[3], Float64Array.from(ws.slice(0, 3)));
          const b = needIndex(prep, wc[3], Float64Array.from(wc.slice(0, 3)));
          const r = redistribute(prep, a, b, U);
          let gross = 0;
          for (let i = 0; i < r.amount.length; i++)
            gross += Math.abs(r.amount[i]) + Math.abs(r.change[i]) + prep.population[i] * U;
          expect(Math.abs(r.checks.sumAmount)).toBeLessThanOrEqual(1e-9 * gross);
          expect(Math.abs(r.checks.sumChange)).toBeLessThanOrEqual(1e-9 * gross);
          return true;
        },
      ),
    );
  });

  it('a key that does not sum to 1 fails the checks', () => {
    const prep = prepareCriteria(['a', 'b'], [10, 20], [{ name: 'c', values: [1, 3] }]);
    const idx = needIndex(prep, 0.5, Float64Array.from([0.6]));
    const r = redistribute(prep, idx, new Float64Array(2).fill(1), 100);
    expect(r.checks.ok).toBe(false);
  });
});

describe('CLI against the oracle', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

  function runCli(args: string[]): unknown {
    const out = execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cli/analyze.ts'), ...args], {
      cwd: root,
      encoding: 'utf8',
    });
    return JSON.parse(out);
  }

  for (const name of ['costkey-baseline', 'costkey-phv']) {
    it(`costkey command reproduces ${name}/expected.csv`, async () => {
      const c = loadCase(name);
      const spec = c.spec as unknown as CostkeySpec;
      const exp = c.expected as unknown as CostkeyExpected;
      const current = Object.entries(spec.currentKey)
        .filter(([k]) => k !== spec.basicCriterion)
        .map(([k, v]) => `${k}=${v}`)
        .join(',');
      const out = await runCostKey(
        parseArgs([
          '--data',
          join(c.dir, 'data.csv'),
          '--unit',
          'kommune',
          '--name',
          'navn',
          '--year',
          'aar',
          '--years',
          String(spec.sample.aar),
          '--formula',
          `${spec.dependent} ~ ${[...spec.criteria, ...spec.controls].join(' + ')}`,
          '--controls',
          spec.controls.join(','),
          '--population',
          spec.population,
          '--method',
          'coefficient',
          '--current',
          current,
          '--y-unit-nok',
          String(spec.yUnitNok),
          '--json',
        ]),
      );
      const tol = (f: string) => toleranceFor(c.tolerance, f);
      for (const [k, v] of Object.entries(exp.weights))
        expectClose(out.weights[k], v, tol('weights'), `w ${k}`);
      for (const [k, v] of Object.entries(exp.weights_current))
        expectClose(out.weights_current?.[k] ?? NaN, v, tol('weights'), `w_cur ${k}`);
      expectClose(out.yhat_national ?? NaN, exp.yhat_national, tol('yhat_national'), 'ŷ');
      const rows = readExpectedCsv(c.dir);
      expect(out.units.length).toBe(rows.length);
      rows.forEach((r, i) => {
        const u = out.units[i];
        expect(u.unit).toBe(r.kommune);
        expectClose(u.index, Number(r.index), tol('index'), `${r.kommune} index`);
        expectClose(
          u.need_per_capita / spec.yUnitNok,
          Number(r.need_per_capita_1000nok),
          tol('need_per_capita_1000nok'),
          `${r.kommune} need`,
        );
        expectClose(u.amount, Number(r.equalisation_nok), tol('equalisation_nok'), `${r.kommune} amount`);
        expectClose(u.change, Number(r.change_nok), tol('change_nok'), `${r.kommune} change`);
        expectClose(
          u.change_per_capita,
          Number(r.change_per_capita_nok),
          tol('change_per_capita_nok'),
          `${r.kommune} change/cap`,
        );
      });
    });
  }

  it('allocate command (spawned) reproduces trondheim-2012 for every key', () => {
    const c = loadCase('trondheim-2012');
    const spec = c.spec as unknown as { keys: Record<string, Record<string, number>> };
    const exp = c.expected as unknown as {
      shares: Record<string, Record<string, number>>;
      published_percent: Record<string, Record<string, number>>;
    };
    const keys = Object.entries(spec.keys);
    for (const [key, w] of keys) {
      const other = keys.find(([k]) => k !== key)?.[1] ?? w;
      const str = (x: Record<string, number>) =>
        Object.entries(x)
          .map(([k, v]) => `${k}=${v}`)
          .join(',');
      const out = runCli([
        'allocate',
        '--data',
        join(c.dir, 'data.csv'),
        '--unit',
        'bydel',
        '--weights',
        str(w),
        '--current',
        str(other),
        '--budget',
        '1000000',
        '--json',
      ]) as {
        units: {
          unit: string;
          share: number;
          percent_rounded: number;
          kroner: number;
          change_kroner: number;
        }[];
      };
      let sumChange = 0;
      for (const u of out.units) {
        expectClose(
          u.share,
          exp.shares[key][u.unit],
          toleranceFor(c.tolerance, 'shares'),
          `${key} ${u.unit}`,
        );
        expect(u.percent_rounded).toBe(exp.published_percent[key][u.unit]);
        expectClose(
          u.kroner,
          1e6 * exp.shares[key][u.unit],
          { rel: 1e-12, abs: 1e-6 },
          `${key} ${u.unit} kroner`,
        );
        sumChange += u.change_kroner;
      }
      expect(Math.abs(sumChange)).toBeLessThan(1e-6);
    }
    // Three spawned CLI processes (tsx each): on a loaded machine that alone can pass a minute.
  }, 240_000);
});
