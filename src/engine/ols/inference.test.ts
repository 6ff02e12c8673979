import { describe, expect, it } from 'vitest';
import fcdf from '@stdlib/stats-base-dists-f-cdf';
import { pValueF, pValueT } from './inference';

describe('tail probabilities', () => {
  it('F p-value equals 1 − cdf where that is accurate', () => {
    for (const [f, d1, d2] of [
      [0.5, 1, 10],
      [2.5, 3, 40],
      [4.2, 12, 3557],
    ]) {
      expect(pValueF(f, d1, d2)).toBeCloseTo(1 - fcdf(f, d1, d2), 12);
    }
  });

  it('F p-value keeps its precision far in the tail instead of cancelling to 0', () => {
    const p = pValueF(106.47874013132504, 9, 355);
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThan(1e-80);
    // With one numerator df, F = t² and the F tail equals the two-sided t tail.
    expect(pValueF(20.45 ** 2, 1, 499) / pValueT(20.45, 499)).toBeCloseTo(1, 9);
  });
});
