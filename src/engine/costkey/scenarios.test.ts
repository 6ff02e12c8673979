import { describe, expect, it } from 'vitest';
import { changeSign, signDiffers, SIGN_TOLERANCE_NOK } from './scenarios';

describe('sign differs between scenarios', () => {
  it('a gain under one scenario and a loss under another; no change (under the tolerance) is neither', () => {
    const a = Float64Array.from([10, -10, 10, 0.2, 5]);
    const b = Float64Array.from([-1, -3, 0, -0.3, 4]);
    const c = Float64Array.from([2, -7, 0, 0.4, -SIGN_TOLERANCE_NOK]);
    expect(Array.from(signDiffers([a, b, c], 5))).toEqual([1, 0, 0, 0, 1]);
    expect(Array.from(signDiffers([a], 5))).toEqual([0, 0, 0, 0, 0]);
    expect(Array.from(signDiffers([], 2))).toEqual([0, 0]);
  });
  it('signs at the tolerance', () => {
    expect(changeSign(SIGN_TOLERANCE_NOK)).toBe(1);
    expect(changeSign(-SIGN_TOLERANCE_NOK)).toBe(-1);
    expect(changeSign(SIGN_TOLERANCE_NOK / 2)).toBe(0);
    expect(changeSign(Number.NaN)).toBe(0);
  });
});
