import { describe, expect, it } from 'vitest';
import { DEFAULT_STAR_THRESHOLDS, starLegend, stars } from './stars';

describe('stars and their legend', () => {
  it('gives one star per threshold the p-value is below', () => {
    expect(stars(0.005)).toBe('***');
    expect(stars(0.03)).toBe('**');
    expect(stars(0.07)).toBe('*');
    expect(stars(0.2)).toBe('');
    expect(stars(Number.NaN)).toBe('');
  });

  it('writes the legend most stars first, in the language’s decimal sign, whatever the order given', () => {
    expect(starLegend(DEFAULT_STAR_THRESHOLDS, 'nb')).toBe('*** p < 0,01, ** p < 0,05, * p < 0,1');
    expect(starLegend([0.1, 0.001, 0.05], 'en')).toBe('*** p < 0.001, ** p < 0.05, * p < 0.1');
    expect(starLegend([0.05, 0.01, 0.001], 'nb', { compact: true })).toBe('*** p<0,001, ** p<0,01, * p<0,05');
  });
});
