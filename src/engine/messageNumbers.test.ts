import { describe, expect, it } from 'vitest';
import { messageNumber, messagePStatement, messageThreshold } from './messageNumbers';
import { formatNumber, formatPStatement, formatThreshold } from '../i18n/format';

describe('numbers in engine messages follow the views’ format (one rule)', () => {
  it.each(['nb', 'en'] as const)('%s', (lang) => {
    for (const x of [-0.29441, 0, 1234.5678, -0.00001]) expect(messageNumber(x, lang, 4)).toBe(formatNumber(x, lang, 4));
    for (const p of [0.0004, 0.001, 0.1234, 0.9]) expect(messagePStatement(p, lang)).toBe(formatPStatement(p, lang));
    for (const a of [0.05, 0.1, 0.01]) expect(messageThreshold(a, lang)).toBe(formatThreshold(a, lang));
  });
  it('writes a decimal comma and a minus sign in bokmål, «< 0,001» for small p', () => {
    expect(messageNumber(-0.2944, 'nb', 4)).toBe('−0,2944');
    expect(messagePStatement(0.00001, 'nb')).toBe('p < 0,001');
    expect(messagePStatement(0.00001, 'en')).toBe('p < 0.001');
  });
});
