import { describe, expect, it } from 'vitest';
import { buildCommonSample, isProblem } from '../importance/sample';
import { fitModel } from '../model/fitModel';
import { keyData } from './keyData';
import { makeKeyBase } from './keyView';
import { fitCoefficients } from './fromFit';
import { coefficientWeights } from './weights/coefficient';
import { BASIC } from './types';
import { panelTable } from '../../../test/oracle/key-bootstrap/inputs';
import { keyBootstrap, keyBootstrapJob, replicationSeed, runReplications, summariseKeyBootstrap, type KeyBootstrapResult, type WeightRule } from './keyBootstrap';

/** A small panel: G municipalities × 3 years, y = 2 + 6a + 3b + 0.5c + noise·e (c a control, no year
 *  effect): the R cross-check's generator with a shape of its own. */
function panel(G: number, noise: number, seed = 7) {
  return panelTable({ G, noise, seed, popScale: 50000, jitter: 0.01, codeBase: 1000, yearStep: 0 });
}

function setup(G: number, noise: number, current: Record<string, number> | null = { [BASIC]: 0.7, a: 0.2, b: 0.1 }) {
  const table = panel(G, noise);
  const criteria = ['a', 'b'];
  const controls = ['c'];
  const sample = buildCommonSample(table, { dependent: 'y', criteria, controls, intercept: true, yearEffects: true });
  if (isProblem(sample)) throw new Error(sample.messageEn);
  const data = keyData(table, { unit: 'kommune', population: 'pop', yearColumn: 'aar', year: 2022, criteria, controls, dependent: 'y' });
  if (!('prep' in data)) throw new Error('key data');
  const base = makeKeyBase(data.prep, data.names, data.yObsNational * 1000, current);
  const rule: WeightRule = { method: 'coefficient', criteria, controls, national: data.national, remainder: 'population', dropped: [] };
  const job = keyBootstrapJob(sample, rule, base, { B: 199, seed: 3 });
  if (isProblem(job)) throw new Error(job.messageEn);
  return { table, sample, data, base, rule, job };
}

function ok(r: KeyBootstrapResult | { code: string }): KeyBootstrapResult {
  if ('code' in r) throw new Error(r.code);
  return r;
}

describe('key bootstrap', () => {
  it('the point estimate is the key of the full-sample OLS fit', async () => {
    const { table, data, job, rule } = setup(60, 2);
    const fit = fitModel(table, { dependent: 'y', regressors: ['a', 'b'], controls: ['c'], design: 'pooled', intercept: true, yearEffects: true, se: 'classical' }).fits[0].outcome;
    if (!fit.ok) throw new Error('fit');
    const w = coefficientWeights({ criteria: rule.criteria, controls: ['c'], ...fitCoefficients(fit), national: data.national, remainder: 'population' });
    const r = ok(await keyBootstrap(job));
    expect(r.weights.map((x) => x.name)).toEqual([BASIC, 'a', 'b']);
    expect(r.weights[0].estimate).toBeCloseTo(w.basic, 9);
    expect(r.weights[1].estimate).toBeCloseTo(w.criteria[0].weight, 9);
    expect(r.weights[2].estimate).toBeCloseTo(w.criteria[1].weight, 9);
    expect(r.valid).toBe(199);
    expect(r.failed).toBe(0);
    expect(r.nClusters).toBe(60);
    expect(r.n).toBe(180);
    // Intervals are nested and contain the estimate for a well-determined model.
    for (const x of r.weights) {
      expect(x.low95).toBeLessThanOrEqual(x.low90);
      expect(x.high90).toBeLessThanOrEqual(x.high95);
      expect(x.low95).toBeLessThan(x.estimate);
      expect(x.high95).toBeGreaterThan(x.estimate);
      expect(x.sameSign).toBeGreaterThan(0.9);
    }
  });

  it('with no noise in y every interval collapses to the point estimate', async () => {
    const { job } = setup(40, 0);
    const r = ok(await keyBootstrap(job));
    for (const x of r.weights) {
      expect(x.high95 - x.low95).toBeLessThan(1e-9);
      expect(x.sameSign).toBe(1);
    }
    for (let i = 0; i < r.change.length; i++) {
      expect(r.high95[i] - r.low95[i]).toBeLessThan(1e-6);
      expect(Math.abs(r.low90[i] - r.change[i])).toBeLessThan(1e-6);
    }
  });

  it('every replication keeps the identities (mean index 1, changes sum to zero)', () => {
    const { job, base } = setup(50, 5);
    const block = runReplications(job, 0, job.B);
    expect(block.identityFailures).toBe(0);
    expect(block.maxMeanIndexDeviation).toBeLessThan(1e-9);
    expect(block.maxSumChangeRatio).toBeLessThanOrEqual(1);
    // Independently of the block's own checks: recompute Σ n_i·Δ_i for each replication.
    const n = base.prep.units.length;
    for (let r = 0; r < block.ok.length; r++) {
      expect(block.ok[r]).toBe(1);
      let s = 0;
      let gross = 0;
      for (let i = 0; i < n; i++) {
        const d = block.change[r * n + i] * base.prep.population[i];
        s += d;
        gross += Math.abs(d);
      }
      expect(Math.abs(s)).toBeLessThan(1e-9 * gross + 1e-6);
      let w = 0;
      for (let j = 0; j < 3; j++) w += block.weights[r * 3 + j];
      expect(w).toBeCloseTo(1, 12);
    }
  });

  it('is identical for a seed however the replications are split (worker count) and in whatever order the blocks arrive', async () => {
    const { job } = setup(45, 4);
    const one = ok(summariseKeyBootstrap(job, [runReplications(job, 0, job.B)]));
    const split = [runReplications(job, 150, 199), runReplications(job, 0, 7), runReplications(job, 7, 150)];
    const two = ok(summariseKeyBootstrap(job, split));
    const loop = ok(await keyBootstrap(job));
    expect(two).toEqual(one);
    expect(loop).toEqual(one);
    const other = ok(await keyBootstrap({ ...job, seed: 4 }));
    expect(other.low95).not.toEqual(one.low95);
  });

  it('replication streams differ between replications and seeds', () => {
    const seen = new Set<number>();
    for (let s = 1; s <= 5; s++) for (let b = 0; b < 1000; b++) seen.add(replicationSeed(s, b));
    expect(seen.size).toBe(5000);
  });

  it('marks a municipality sign-uncertain exactly when its 95 % interval crosses zero, and counts losses', async () => {
    const { job } = setup(30, 8);
    const r = ok(await keyBootstrap(job));
    let uncertain = 0;
    for (let i = 0; i < r.change.length; i++) {
      const crosses = r.low95[i] <= 0 && r.high95[i] >= 0;
      expect(r.signUncertain[i]).toBe(crosses ? 1 : 0);
      uncertain += r.signUncertain[i];
      expect(r.shareLoss[i] + r.shareGain[i]).toBeLessThanOrEqual(1);
      if (r.low95[i] > 0) expect(r.shareGain[i]).toBeGreaterThan(0.97);
      if (r.high95[i] < 0) expect(r.shareLoss[i]).toBeGreaterThan(0.97);
    }
    // With this much noise some signs are unsettled and some are not.
    expect(uncertain).toBeGreaterThan(0);
    expect(uncertain).toBeLessThan(r.change.length);
  });

  it('re-applies the sub-function rule (method C) with ē fixed', async () => {
    const { sample, data, base } = setup(40, 2);
    const job = keyBootstrapJob(sample, { method: 'sub-function', criteria: ['a', 'b'], national: data.national, totalPerCapita: 20, dropped: ['b'] }, base, { B: 99, seed: 2 });
    if (isProblem(job)) throw new Error(job.messageEn);
    const r = ok(await keyBootstrap(job));
    expect(r.method).toBe('sub-function');
    expect(r.weights[2].estimate).toBe(0);
    expect(r.weights[2].high95).toBe(0);
    expect(r.weights[0].estimate + r.weights[1].estimate).toBeCloseTo(1, 12);
  });

  it('stops at a cancel with the replications done so far', async () => {
    const { job } = setup(30, 2);
    let calls = 0;
    const r = ok(await keyBootstrap({ ...job, B: 999 }, { cancelled: () => ++calls > 2 }));
    expect(r.cancelled).toBe(true);
    expect(r.valid).toBeGreaterThan(0);
    expect(r.valid).toBeLessThan(999);
  });
});
