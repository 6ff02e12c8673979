/**
 * On the demo: the proposed barnevern key (+ PHV 0–17) gives the 0–22 share a negative
 * weight. It is flagged with the choices of method A, and each choice does what it says: set to zero
 * (its share goes to the basic criterion), or drop it from the model and estimate again.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BASIC } from '../../src/engine/costkey';
import { runDemo, type DemoRun } from './runDemo';

describe('demo: flagged criteria of the cost key', () => {
  let demo: DemoRun;
  beforeAll(async () => {
    demo = await runDemo();
  }, 120_000);

  it('flags the negative 0–22 weight of the proposed key and of today’s key', () => {
    const ck = demo.results.costKey!;
    const f = ck.flags.find((x) => x.criterion === 'andel_0_22');
    expect(f?.flags).toContain('negative');
    expect(f?.weight).toBeLessThan(0);
    expect(f?.choice).toBe('keep');
    expect(ck.choices).toEqual(['keep', 'zero', 'refit']);
    expect(ck.proposed!.andel_0_22).toBeCloseTo(f!.weight, 12);
    expect(ck.currentFlags.map((x) => x.criterion)).toContain('andel_0_22');
  });

  it('«set to zero» moves the share to the basic criterion; the key still adds to 1', async () => {
    const r = await demo.rerun((s) => void (s.costKey.dropped = ['andel_0_22']));
    const ck = r.costKey!;
    expect(ck.proposed!.andel_0_22).toBe(0);
    expect(ck.outcome!.sumOk).toBe(true);
    const before = demo.results.costKey!;
    expect(ck.proposed![BASIC]).toBeCloseTo(before.proposed![BASIC] + before.proposed!.andel_0_22, 12);
    expect(ck.flags.find((x) => x.criterion === 'andel_0_22')?.choice).toBe('zero');
  });

  it('«drop from the model» estimates the model again without the criterion', async () => {
    const r = await demo.rerun((s) => void (s.costKey.refit = ['andel_0_22']));
    const ck = r.costKey!;
    expect(ck.refitted).toEqual(['andel_0_22']);
    expect(ck.proposed!.andel_0_22 ?? 0).toBe(0);
    expect(ck.computed!.criteria.map((c) => c.name)).not.toContain('andel_0_22');
    // Other weights change: the coefficients are re-estimated, not just re-normalised.
    const zero = (await demo.rerun((s) => void (s.costKey.dropped = ['andel_0_22']))).costKey!;
    expect(Math.abs(ck.proposed!.lavinntekt_pi - zero.proposed!.lavinntekt_pi)).toBeGreaterThan(1e-4);
    expect(ck.outcome!.sumOk).toBe(true);
    expect(ck.flags.find((x) => x.criterion === 'andel_0_22')?.choice).toBe('refit');
  });
});
