import { describe, expect, it } from 'vitest';
import { BASIC, indexSteps, needIndex, keyVector, prepareCriteria } from './index';

const prep = prepareCriteria(
  ['a', 'b', 'c'],
  [1000, 3000, 6000],
  [
    { name: 'x', values: [0.2, 0.1, 0.05] },
    { name: 'y', values: [10, 30, 20] },
  ],
);

describe('indexSteps: the index as a walk from the national average 1', () => {
  it('ends at the index when the weights sum to 1', () => {
    const key = { [BASIC]: 0.5, x: 0.3, y: 0.2 };
    const { basic, weights } = keyVector(prep, key);
    const idx = needIndex(prep, basic, weights);
    for (let i = 0; i < 3; i++) {
      const steps = indexSteps(prep, key, i);
      expect(steps.map((s) => s.criterion)).toEqual([BASIC, 'x', 'y']);
      expect(1 + steps.reduce((a, s) => a + s.deviation, 0)).toBeCloseTo(idx[i], 14);
    }
    // Unit a has twice the national share of x: x pulls its index up by w·(r − 1) > 0.
    const a = indexSteps(prep, key, 0);
    expect(a[1].ratio).toBeGreaterThan(1);
    expect(a[1].deviation).toBeCloseTo(0.3 * (a[1].ratio - 1), 14);
  });

  it('adds a step for weights that do not sum to 1, so the walk still ends at the index', () => {
    const key = { [BASIC]: 0.5, x: 0.3, y: 0.3 };
    const { basic, weights } = keyVector(prep, key);
    const idx = needIndex(prep, basic, weights);
    const steps = indexSteps(prep, key, 2);
    expect(steps.at(-1)?.criterion).toBe('weights-sum');
    expect(steps.at(-1)?.deviation).toBeCloseTo(0.1, 14);
    expect(1 + steps.reduce((a, s) => a + s.deviation, 0)).toBeCloseTo(idx[2], 14);
  });
});
