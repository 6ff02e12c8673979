/** Negative or insignificant criteria are flagged, with the choices the method allows. */
import { describe, expect, it } from 'vitest';
import { BASIC } from '../types';
import { allowedChoices, criterionFlags, flaggedCriteria, zeroAndRenormalise } from './flags';

describe('flagged criteria', () => {
  it('flags a negative weight and a coefficient above the significance level', () => {
    expect(criterionFlags({ weight: -0.29, p: 0.01 })).toEqual(['negative']);
    expect(criterionFlags({ weight: 0.2, p: 0.4 }, 0.1)).toEqual(['insignificant']);
    expect(criterionFlags({ weight: -0.1, p: 0.4 }, 0.1)).toEqual(['negative', 'insignificant']);
    expect(criterionFlags({ weight: 0.2, p: 0.05 }, 0.1)).toEqual([]);
    expect(criterionFlags({ weight: 0.2 })).toEqual([]);
    const f = flaggedCriteria([
      { name: 'a', weight: 0.3, p: 0.01, dropped: false },
      { name: 'b', weight: -0.2, p: 0.02, dropped: false },
    ]);
    expect(f).toEqual([{ name: 'b', weight: -0.2, p: 0.02, flags: ['negative'] }]);
  });

  it('offers re-estimation only where a model makes the key', () => {
    expect(allowedChoices('coefficient')).toEqual(['keep', 'zero', 'refit']);
    expect(allowedChoices('explained-variance')).toEqual(['keep', 'zero', 'refit']);
    expect(allowedChoices('manual')).toEqual(['keep', 'zero']);
    expect(allowedChoices('sub-function')).toEqual(['keep', 'zero']);
  });

  it('sets a fixed key’s criterion to zero and rescales the rest to sum 1', () => {
    const k = zeroAndRenormalise({ [BASIC]: 0.5, a: 0.6, b: -0.1 }, ['b']);
    expect(k.b).toBe(0);
    expect(k.a).toBeCloseTo(0.6 / 1.1, 14);
    expect(k[BASIC]).toBeCloseTo(0.5 / 1.1, 14);
    expect(Object.values(k).reduce((x, y) => x + y, 0)).toBeCloseTo(1, 14);
  });
});
