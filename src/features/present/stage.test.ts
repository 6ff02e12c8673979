import { describe, expect, it } from 'vitest';
import { fitScale, STAGE } from './stage';

describe('fitScale', () => {
  it('zooms a short content up to the stage zoom, a tall one down until it fits', () => {
    expect(fitScale(1728, 800, 1234, 300)).toBeCloseTo(1.4, 2);
    expect(fitScale(1728, 800, 1234, 1600)).toBeCloseTo(0.5, 6);
    expect(fitScale(1728, 800, 1234, 1600) * 1600).toBeLessThanOrEqual(800);
    expect(fitScale(1728, 800, 0, 0)).toBe(1);
    expect(STAGE.width / STAGE.height).toBeCloseTo(16 / 9, 6);
  });
});
