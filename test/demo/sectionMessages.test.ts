/**
 * The stages say what stopped them, with the part of the view it belongs to (where.job), instead of
 * returning an empty section: the stability of a model whose variable is gone, the subset search over
 * a candidate that is not in the data, and the note that the R² decomposition is least squares.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoRun } from './runDemo';

describe('stage messages on the demo', () => {
  let demo: DemoRun;
  beforeAll(async () => {
    demo = await runDemo();
  }, 120_000);

  it('stability of a model whose criterion is not in the data says so (before: an empty section)', async () => {
    const r = await demo.rerun((s) => {
      const m = s.models.list.find((x) => x.id === 'bv_phv')!;
      m.regressors = [...m.regressors, 'finnes_ikke'];
      s.stability.modelId = 'bv_phv';
    });
    const st = r.stability!;
    expect(st.perYear).toBeNull();
    expect(st.problems.map((p) => [p.code, p.severity, p.where?.model, p.where?.variables, p.where?.job])).toEqual([
      ['unknown-variable', 'error', 'bv_phv', ['finnes_ikke'], undefined],
    ]);
    expect(st.problems[0].message).toContain('finner ikke variabelen «finnes_ikke»');
  });

  it('the subset search’s refusal carries its job; the decomposition’s note on a robust model does not', async () => {
    const r = await demo.rerun((s) => {
      const robust = { ...structuredClone(s.models.list[0]), id: 'rob', label: 'Robust', estimator: 'robust' as const };
      s.models.list.push(robust);
      s.explained.decompositionModelId = 'rob';
      s.explained.subsets.enabled = true;
      s.explained.subsets.candidates = ['finnes_ikke'];
    });
    const ex = r.explained!;
    expect(ex.relimp).not.toBeNull();
    const byCode = new Map(ex.problems.map((p) => [p.code, p]));
    expect(byCode.get('decomposition-ols')?.severity).toBe('info');
    expect(byCode.get('decomposition-ols')?.where?.job).toBeUndefined();
    const subset = ex.problems.filter((p) => p.where?.job === 'subsets');
    expect(subset).toHaveLength(1);
    expect(subset[0].message).toContain('finnes_ikke');
    expect(ex.subsets).toBeNull();
  });
});
