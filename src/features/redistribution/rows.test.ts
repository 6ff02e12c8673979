import { describe, expect, it } from 'vitest';
import { redistributionReportTable, type RedistributionRow } from './rows';
import { tableToCsv } from '../../export/csv';

const row = (over: Partial<RedistributionRow> = {}): RedistributionRow => ({
  pos: 0,
  unit: '0301',
  name: 'Oslo',
  population: 700000,
  index: 0.98765,
  indexCurrent: 1.01234,
  needPerCapita: 51234.6,
  amount: 123456789.4,
  change: -1234567.8,
  changePerCapita: -1.7637,
  ...over,
});

describe('redistributionReportTable', () => {
  it('writes the plain table without the bootstrap columns in the chosen CSV style (data cells at full precision)', () => {
    const t = redistributionReportTable([row()], 'nb');
    expect(t.columns).not.toContain('Fortegn usikkert');
    const csv = tableToCsv(t, { style: 'nb', bom: false, meta: false });
    const [head, line] = csv.trim().split('\r\n');
    expect(head.split(';')[0]).toBe('Nr.');
    expect(head).toContain('Endring per innbygger (kr)');
    // decimal comma, ASCII minus, no grouping: Excel in bokmål reads these as numbers
    expect(line).toBe('0301;Oslo;700000;0,98765;1,01234;51234,6;123456789,4;-1234567,8;-1,7637');
  });

  it('carries the 95 % interval and the sign-uncertain flag when the rows have them (key bootstrap, #20)', () => {
    const t = redistributionReportTable([row({ low95: -420.4, high95: 310.6, signUncertain: true }), row({ unit: '0101', name: 'Halden', low95: 10, high95: 50, signUncertain: false })], 'en');
    expect(t.columns.slice(-3)).toEqual(['Change per inh., 95 % interval low (kr)', 'Change per inh., 95 % interval high (kr)', 'Sign uncertain']);
    const csv = tableToCsv(t, { style: 'en', bom: false, meta: false });
    const lines = csv.trim().split('\r\n');
    expect(lines[1].endsWith(',-420.4,310.6,yes')).toBe(true);
    expect(lines[2].endsWith(',10,50,no')).toBe(true);
  });
});
