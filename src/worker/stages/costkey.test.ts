import { describe, expect, it } from 'vitest';
import { costKeyBaseline } from '../../../test/support/costKeyBaseline';
import { BASIC, evaluateOnBase } from '../../engine/costkey';
import { runCostKey } from './costkey';

describe('cost-key stage', () => {
  const setup = () => costKeyBaseline('single');

  it('computes the oracle weights and a zero-sum redistribution', () => {
    const { c, spec, models } = setup();
    const r = runCostKey(spec, c.table, models);
    const w = (c.expected as { weights: Record<string, number> }).weights;
    expect(r.computed?.basic).toBeCloseTo(w.innbyggere, 10);
    expect(r.proposed?.enslig_forsorger).toBeCloseTo(w.enslig_forsorger, 10);
    expect(r.outcome?.checks.ok).toBe(true);
    expect(r.outcome?.index.length).toBe(356);
    expect(r.outcome?.aggregates.county?.length).toBeGreaterThan(1);
    expect(r.year).toBe(2022);
  });

  it('an edited weight changes a named municipality\'s amount, and the fast path agrees with the stage', () => {
    const { c, spec, models } = setup();
    const before = runCostKey(spec, c.table, models);
    const oslo = before.base?.prep.units.indexOf('0301') ?? -1;
    const edited = { ...(before.proposed ?? {}) };
    edited.lavinntekt += 0.05;
    edited[BASIC] -= 0.05;
    spec.costKey.manual = edited;
    const after = runCostKey(spec, c.table, models);
    expect(after.edited).toBe(true);
    expect(after.outcome?.change[oslo]).not.toBeCloseTo(before.outcome?.change[oslo] ?? 0, 0);
    const fast = evaluateOnBase(before.base!, edited, 1);
    expect(fast.change[oslo]).toBeCloseTo(after.outcome!.change[oslo], 6);
  });

  it('method B takes LMG shares from the importance engine and sums to one', () => {
    const { c, spec, models } = setup();
    spec.costKey.method = 'explained-variance';
    spec.costKey.rounding = 0.05;
    const r = runCostKey(spec, c.table, models);
    expect(r.computed?.method).toBe('explained-variance');
    expect(r.computed?.sumOk).toBe(true);
    for (const cw of r.computed?.criteria ?? []) expect(Math.abs(cw.weight / 0.05 - Math.round(cw.weight / 0.05))).toBeLessThan(1e-9);
  });

  it('evaluates a preset on criteria outside the model and reports a criterion the data lack', () => {
    const { c, spec, models } = setup();
    // frie_inntekter is a control of the model, not a key criterion; a preset may still weight it.
    spec.costKey.presets = [{ id: 'p', label: 'Forhåndsvalg', source: 'test', weights: { frie_inntekter: 0.5, lavinntekt: 0.5 } }];
    const ok = runCostKey(spec, c.table, models);
    expect(ok.problems.some((p) => p.code === 'key-criterion-missing')).toBe(false);
    const preset = ok.candidates.find((k) => k.id === 'p');
    expect(preset?.sumOk).toBe(true);
    // The preset's index has population-weighted mean 1 only if frie_inntekter was in the key data.
    expect(preset?.change.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 3);

    spec.costKey.presets = [{ id: 'q', label: 'Med skrivefeil', source: 'test', weights: { lavinnekt: 0.6, enslig_forsorger: 0.4 } }];
    const bad = runCostKey(spec, c.table, models);
    const missing = bad.problems.find((p) => p.code === 'key-criterion-missing');
    expect(missing?.message).toContain('«lavinnekt»');
    expect(missing?.message).toContain('«Med skrivefeil»');
  });
});
