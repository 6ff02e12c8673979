/**
 * Properties the robust and quantile estimators must have, on random data (fast-check, fixed seed):
 * robust regression on data without outliers ≈ OLS; the median fit does not move when a point moves
 * further out on its own side of the fit; quantile regression is equivariant (a + c·y, and −y ↔ 1 − τ).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitRobust } from './robust';
import { fitQuantile } from './quantile';
import { fitDesign, INTERCEPT } from '../ols/fit';

const grid = (lo: number, hi: number, div: number) => fc.integer({ min: lo, max: hi }).map((v) => v / div);
const data = fc.integer({ min: 30, max: 90 }).chain((n) =>
  fc.record({
    x1: fc.array(grid(-1000, 1000, 100), { minLength: n, maxLength: n }),
    x2: fc.array(grid(0, 500, 100), { minLength: n, maxLength: n }),
    // Bounded, symmetric noise: no outliers.
    e: fc.array(grid(-100, 100, 100), { minLength: n, maxLength: n }),
    b: fc.tuple(grid(-500, 500, 100), grid(-500, 500, 100)),
  }),
);
type D = { x1: number[]; x2: number[]; e: number[]; b: [number, number] };

function design(d: D, y?: number[]) {
  const n = d.x1.length;
  const x = new Float64Array(n * 3).fill(1, 0, n);
  x.set(d.x1, n);
  x.set(d.x2, 2 * n);
  const yy = y ?? d.x1.map((v, i) => 1 + d.b[0] * v + d.b[1] * d.x2[i] + d.e[i]);
  return { x, n, k: 3, y: Float64Array.from(yy), names: [INTERCEPT, 'x1', 'x2'], intercept: 0 };
}

const opts = { seed: 18, numRuns: 40 };

describe('estimator properties', () => {
  it('robust regression on data without outliers is close to OLS', () => {
    fc.assert(
      fc.property(data, (d) => {
        const inp = design(d);
        const rob = fitRobust(inp);
        const ols = fitDesign({ ...inp, se: 'classical' });
        if (!ols.ok) return true; // a degenerate draw (constant column) is refused by both
        expect(rob.outcome.ok).toBe(true);
        if (!rob.outcome.ok || !rob.info) return false;
        expect(rob.info.screened).toEqual([]);
        expect(rob.info.nNonzero).toBe(inp.n);
        rob.outcome.coefficients.forEach((c, j) => expect(Math.abs(c.estimate - ols.coefficients[j].estimate)).toBeLessThan(3 * ols.coefficients[j].se));
        return true;
      }),
      opts,
    );
  });

  it('the median fit does not move when points move further out on their side of it', () => {
    fc.assert(
      fc.property(data, fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 90, maxLength: 90 }), (d, push) => {
        const inp = design(d);
        const a = fitQuantile(inp, 0.5, 'iid');
        if (!a.outcome.ok || !a.info || a.info.nonunique) return true;
        const b = a.outcome.coefficients.map((c) => c.estimate);
        const y2 = Array.from(inp.y, (v, i) => {
          const r = v - (b[0] + b[1] * d.x1[i] + b[2] * d.x2[i]);
          return Math.abs(r) > 1e-9 ? v + Math.sign(r) * push[i] : v;
        });
        const c = fitQuantile(design(d, y2), 0.5, 'iid');
        expect(c.outcome.ok).toBe(true);
        if (c.outcome.ok) c.outcome.coefficients.forEach((k, j) => expect(Math.abs(k.estimate - b[j])).toBeLessThan(1e-8 * (1 + Math.abs(b[j]))));
        return true;
      }),
      opts,
    );
  });

  it('quantile regression is equivariant: a + c·y, and −y at 1 − τ', () => {
    fc.assert(
      fc.property(data, fc.constantFrom(0.25, 0.5, 0.75), grid(1, 1000, 10), (d, tau, c) => {
        const inp = design(d);
        const a = fitQuantile(inp, tau, 'iid');
        if (!a.outcome.ok || !a.info || a.info.nonunique) return true;
        const b = a.outcome.coefficients.map((k) => k.estimate);
        const scaled = fitQuantile({ ...inp, y: inp.y.map((v) => 5 + c * v) }, tau, 'iid');
        const flipped = fitQuantile({ ...inp, y: inp.y.map((v) => -v) }, 1 - tau, 'iid');
        expect(scaled.outcome.ok && flipped.outcome.ok).toBe(true);
        if (!scaled.outcome.ok || !flipped.outcome.ok) return false;
        const close = (x: number, y: number) => Math.abs(x - y) <= 1e-8 * (1 + Math.abs(y));
        scaled.outcome.coefficients.forEach((k, j) => expect(close(k.estimate, c * b[j] + (j === 0 ? 5 : 0))).toBe(true));
        flipped.outcome.coefficients.forEach((k, j) => expect(close(k.estimate, -b[j])).toBe(true));
        return true;
      }),
      opts,
    );
  });
});
