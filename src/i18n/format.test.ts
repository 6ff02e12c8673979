import { describe, expect, it } from 'vitest';
import { formatFileSize, formatInteger, formatKroner, formatNumber, formatPercent, formatPStatement, formatPValue, formatSignificant, formatThreshold } from './format';

describe('Norwegian number format', () => {
  it('uses a decimal comma, a space as thousands separator and a true minus sign', () => {
    expect(formatNumber(-1234.5, 'nb', 1)).toBe('−1\u00a0234,5');
    expect(formatNumber(-1234.5, 'en', 1)).toBe('-1,234.5');
    expect(formatKroner(1234567, 'nb')).toBe('1\u00a0234\u00a0567 kr');
  });

  it('shows a sum that is zero up to rounding as 0, without a minus', () => {
    expect(formatNumber(-1e-12, 'nb', 4)).toBe('0,0000');
    expect(formatInteger(-0.2, 'nb')).toBe('0');
    expect(formatPercent(-1e-9, 'nb')).toBe('0,0\u00a0%');
  });

  it('writes missing and non-finite values as a dash', () => {
    expect(formatNumber(NaN, 'nb')).toBe('–');
    expect(formatSignificant(Infinity, 'nb')).toBe('–');
    expect(formatInteger(null, 'nb')).toBe('–');
  });

  it('switches to scientific notation for very small coefficients', () => {
    expect(formatSignificant(0.0000123, 'nb', 3)).toMatch(/^1,23E-5$|^1,23E−5$/);
  });

  it('gives file sizes in kB or MB with the language\'s decimal sign', () => {
    expect(formatFileSize(5 * 1024, 'nb')).toBe('5,0 kB');
    expect(formatFileSize(300 * 1024, 'nb')).toBe('300 kB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'nb')).toBe('1,5 MB');
    expect(formatFileSize(1.5 * 1024 * 1024, 'en')).toBe('1.5 MB');
    expect(formatFileSize(0, 'nb')).toBe('0,0 kB');
  });
});

describe('p-values and thresholds', () => {
  it('prints small p-values as «< 0,001» in bokmål and «< 0.001» in English', () => {
    expect(formatPValue(0.00001, 'nb')).toBe('< 0,001');
    expect(formatPValue(0.00001, 'en')).toBe('< 0.001');
    expect(formatPValue(0.0234, 'nb')).toBe('0,023');
    expect(formatPStatement(0, 'nb')).toBe('p < 0,001');
    expect(formatPStatement(0.5, 'en')).toBe('p = 0.500');
  });
  it('writes thresholds with the decimals they need', () => {
    expect(formatThreshold(0.05, 'nb')).toBe('0,05');
    expect(formatThreshold(0.001, 'en')).toBe('0.001');
  });
});
