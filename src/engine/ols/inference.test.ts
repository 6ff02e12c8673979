import { describe, expect, it } from 'vitest';
import fcdf from '@stdlib/stats-base-dists-f-cdf';
import { normalDensity, normalQuantile, pValueChi2, pValueF, pValueT, pValueZ } from './inference';

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

describe('normal and χ² (values from R 4.2.2)', () => {
  it('qnorm, dnorm, two-sided z and upper χ² tails', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.9599639845400536, 14);
    expect(normalQuantile(0.25)).toBeCloseTo(-0.6744897501960817, 14);
    expect(normalDensity(0)).toBeCloseTo(0.3989422804014327, 15);
    expect(pValueZ(3.5) / 4.6525815807104987e-4).toBeCloseTo(1, 12);
    expect(pValueChi2(9.6215802831726, 12)).toBeCloseTo(0.6491204690294632, 13);
    // Far in the tail the upper incomplete gamma keeps the digits that 1 − cdf would lose.
    expect(pValueChi2(400, 3) / 2.213886593101118e-86).toBeCloseTo(1, 10);
    expect(pValueChi2(0, 3)).toBe(1);
  });
});
