import { describe, expect, it } from 'vitest';
import { changeSign, signDiffers, signTolerance } from './scenarios';

const TOL = 0.5;

describe('sign differs between scenarios', () => {
  it('a gain under one scenario and a loss under another; no change (under the tolerance) is neither', () => {
    const a = Float64Array.from([10, -10, 10, 0.2, 5]);
    const b = Float64Array.from([-1, -3, 0, -0.3, 4]);
    const c = Float64Array.from([2, -7, 0, 0.4, -TOL * 2]);
    expect(Array.from(signDiffers([a, b, c], 5, TOL))).toEqual([1, 0, 0, 0, 1]);
    expect(Array.from(signDiffers([a], 5, TOL))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(signDiffers([], 2, TOL))).toEqual([0, 0]);
  });
  it('signs beyond the tolerance; the tolerance scales with U (an index as dependent has U ≈ 1)', () => {
    expect(changeSign(TOL * 1.01, TOL)).toBe(1);
    expect(changeSign(-TOL * 1.01, TOL)).toBe(-1);
    expect(changeSign(TOL, TOL)).toBe(0);
    expect(changeSign(Number.NaN, TOL)).toBe(0);
    expect(changeSign(0.01, signTolerance(1))).toBe(1);
    expect(signTolerance(2000)).toBeCloseTo(2e-6, 15);
  });
});
