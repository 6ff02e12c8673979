import { describe, expect, it } from 'vitest';
import { costKeyBaseline } from '../../../test/support/costKeyBaseline';
import type { AnalysisSpec } from '../../spec/schema';
import { runCostKey } from './costkey';
import { runKeyUncertainty } from './keyUncertainty';

function setup(design: 'single' | 'pooled' = 'single') {
  const s = costKeyBaseline(design);
  s.spec.keyUncertainty = { enabled: true, replications: 199, seed: 1 };
  return s;
}

async function run(spec: AnalysisSpec, s: ReturnType<typeof setup>) {
  const ck = runCostKey(spec, s.c.table, s.models);
  const input = { keyUncertainty: spec.keyUncertainty, costKey: { method: spec.costKey.method, modelId: spec.costKey.modelId, subFunctionModelId: spec.costKey.subFunction.modelId, remainder: spec.costKey.remainder, dropped: spec.costKey.dropped }, models: spec.models.list };
  return { ck, u: await runKeyUncertainty(input, s.c.table, ck, s.models) };
}

describe('key-uncertainty stage', () => {
  it('bootstraps the key model: point weights are the cost key\'s, units in the key\'s order, identities hold', async () => {
    const s = setup();
    const { ck, u } = await run(s.spec, s);
    expect(u.problems).toEqual([]);
    const r = u.result!;
    expect(r.valid).toBe(199);
    expect(r.seed).toBe(1);
    expect(u.units).toEqual(ck.base!.prep.units);
    expect(r.weights[0].estimate).toBeCloseTo(ck.computed!.basic, 8);
    ck.computed!.criteria.forEach((c, j) => expect(r.weights[j + 1].estimate).toBeCloseTo(c.weight, 8));
    for (let i = 0; i < r.change.length; i++) expect(r.change[i]).toBeCloseTo(ck.outcome!.changePerCapita[i], 4);
    expect(r.identities.ok).toBe(true);
    expect(u.currentLabel).toBe('Dagens');
    expect(u.modelLabel).toBe('Barnevern');
  });

  it('a pooled key model resamples whole municipalities (every year of one municipality together)', async () => {
    const s = setup('pooled');
    const { u } = await run(s.spec, s);
    expect(u.result?.nClusters).toBe(356);
    expect(u.result!.n).toBeGreaterThan(356);
    expect(u.problems.filter((p) => p.severity !== 'info')).toEqual([]);
  });

  it('a pooled key model with year effects: the point weights are the cost key\'s, with ŷ at the key year (or the base year) in every replication', async () => {
    for (const at of ['key-year', 'base-year'] as const) {
      const s = setup('pooled');
      s.spec.costKey.yearEffect = at;
      const { ck, u } = await run(s.spec, s);
      const ye = ck.computed!.yearEffect!;
      expect(ye.at).toBe(at);
      if (at === 'key-year') expect(ye.value).not.toBe(0);
      const r = u.result!;
      expect(r.weights[0].estimate).toBeCloseTo(ck.computed!.basic, 8);
      ck.computed!.criteria.forEach((c, j) => expect(r.weights[j + 1].estimate, `${at} ${c.name}`).toBeCloseTo(c.weight, 8));
      for (let i = 0; i < r.change.length; i++) expect(r.change[i]).toBeCloseTo(ck.outcome!.changePerCapita[i], 4);
      // The point estimate lies inside its own 95 % interval.
      for (const w of r.weights) expect(w.estimate >= w.low95 - 1e-12 && w.estimate <= w.high95 + 1e-12, w.name).toBe(true);
    }
  });

  it('is off by default, and refuses method B and typed keys with the reason', async () => {
    const s = setup();
    s.spec.keyUncertainty.enabled = false;
    expect((await run(s.spec, s)).u.result).toBeNull();
    s.spec.keyUncertainty.enabled = true;
    s.spec.costKey.method = 'explained-variance';
    const b = (await run(s.spec, s)).u;
    expect(b.result).toBeNull();
    expect(b.problems[0].code).toBe('bootstrap-method-b');
    s.spec.models.list[0] = { ...s.spec.models.list[0], estimator: 'median' };
    s.spec.costKey.method = 'coefficient';
    const m = (await run(s.spec, s)).u;
    expect(m.problems[0].code).toBe('bootstrap-design');
    expect(m.problems[0].message).toContain('Barnevern');
  });
});
