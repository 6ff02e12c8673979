import { describe, expect, it } from 'vitest';
import { tidyCsv } from './tidyCsv';

describe('tidyCsv, the one machine-readable CSV writer', () => {
  it('neutralises hostile text in headers and cells but never a number', () => {
    const csv = tidyCsv(['kommune', '-navn'], [['@SUM(A1)', -2.5], ['Bø, "T"', 0.1 + 0.2]]);
    expect(csv).toBe(`kommune,'-navn\n'@SUM(A1),-2.5\n"Bø, ""T""",0.30000000000000004\n`);
  });

  it('writes missing and non-finite values as empty fields and booleans as 1/0', () => {
    expect(tidyCsv(['a', 'b', 'c', 'd'], [[null, undefined, Number.NaN, true], [false, Infinity, '', 3]])).toBe('a,b,c,d\n,,,1\n0,,,3\n');
  });
});
