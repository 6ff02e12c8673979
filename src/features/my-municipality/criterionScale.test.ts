import { describe, expect, it } from 'vitest';
import { criterionScale, formatCriterion } from './criterionScale';

describe('criterion values in the municipality report', () => {
  it('writes small shares per 1 000 inhabitants, larger ones as per cents, the rest as they are', () => {
    expect(criterionScale(0.02144, 0.019)).toBe('per1000');
    expect(formatCriterion(0.02144, 'per1000', 'nb')).toBe('21,4');
    expect(criterionScale(0.23, 0.31)).toBe('percent');
    expect(formatCriterion(0.231, 'percent', 'nb')).toBe('23,1 %');
    expect(formatCriterion(0.231, 'percent', 'en')).toBe('23.1 %');
    expect(criterionScale(12.5, 30)).toBe('raw');
    expect(criterionScale(0.5, 1.2)).toBe('raw');
  });
});
