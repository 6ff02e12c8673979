import { describe, expect, it } from 'vitest';
import { formatNumber, formatPercent } from './format';
import { warmLocaleData } from './warmLocaleData';

describe('warmLocaleData', () => {
  it('builds the formatters the views use, in both languages (so the worker loads the locale data they need)', () => {
    const out = warmLocaleData();
    expect(out).toContain(formatNumber(1234.5, 'nb'));
    expect(out).toContain(formatNumber(1234.5, 'en'));
    expect(out).toContain(formatPercent(0.5, 'nb'));
    expect(formatNumber(1234.5, 'nb')).not.toBe(formatNumber(1234.5, 'en'));
  });
});
