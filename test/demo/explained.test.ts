/**
 * The common sample (docs/METHODS.md §4) on the demo, as the user meets it: adding patients in mental-health care 0–17 to
 * today's barnevern key. On the common sample (default) both columns have the same N and ΔR² is the
 * criterion's last-in increment; only when each model's own sample is chosen do the Ns differ (and the
 * old, misleading 0,0334 comes back, marked as such).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runDemo, type DemoRun } from './runDemo';

describe('demo: ΔR² of the 0–17 mental-health criterion', () => {
  let demo: DemoRun;
  beforeAll(async () => {
    demo = await runDemo();
  }, 120_000);

  it('is on the common sample by default and equals the last-in increment', () => {
    const ex = demo.results.explained!;
    const c = ex.comparison!;
    expect(c.sample.mode).toBe('common');
    expect(c.columns.map((col) => col.id)).toEqual(['bv_dagens', 'bv_phv']);
    const [base, plus] = c.columns;
    expect(base.n).toBe(plus.n);
    expect(c.sample.n).toBe(plus.n);
    // Today's key alone could use more rows; the ones without the criterion are named.
    expect(base.ownN).toBeGreaterThan(plus.n);
    expect(c.sample.nExcluded).toBe(base.ownN - plus.n);
    expect(c.sample.excluded[0].variable).toBe('phv_under_18_pi');
    const j = ex.relimp!.criteria.indexOf('phv_under_18_pi');
    expect(plus.deltaR2).toBeCloseTo(ex.relimp!.lastIn[j], 12);
    expect(ex.analysed!.n).toBe(plus.n);
  });

  it('on each model’s own sample shows the two different Ns', async () => {
    const r = await demo.rerun((s) => void (s.explained.sample = 'own'));
    const c = r.explained!.comparison!;
    expect(c.sample.mode).toBe('own');
    expect(c.sample.n).toBeNull();
    const [base, plus] = c.columns;
    expect(base.n).toBeGreaterThan(plus.n);
    const common = demo.results.explained!.comparison!.columns[1].deltaR2;
    expect(plus.deltaR2).toBeGreaterThan(common + 0.005);
  });
});
