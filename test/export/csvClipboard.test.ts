import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { tableToCsv, BOM } from '../../src/export/csv';
import { tableToHtml, tableToTsv } from '../../src/export/clipboard';
import { neutraliseText } from '../../src/export/neutralise';
import { plainNumber } from '../../src/export/cellText';
import { HOSTILE, hostileTable } from './fixtures';

/** Minimal RFC 4180 parser (test-only) to read back what we wrote. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (q) {
      if (ch === '"' && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (ch === '"') q = false;
      else cur += ch;
    } else if (ch === '"') q = true;
    else if (ch === sep) {
      row.push(cur);
      cur = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cur);
      rows.push(row);
      row = [];
      cur = '';
      i++;
    } else cur += ch;
  }
  return rows;
}

describe('neutraliseText', () => {
  it('prefixes every formula trigger and leaves ordinary text alone', () => {
    for (const h of HOSTILE.filter((x) => !x.startsWith('<'))) expect(neutraliseText(h)).toBe(`'${h}`);
    expect(neutraliseText('<script>')).toBe('<script>');
    expect(neutraliseText('Oslo')).toBe('Oslo');
    expect(neutraliseText('a=b')).toBe('a=b');
  });
});

describe('CSV', () => {
  const t = hostileTable();

  it('Norwegian style: BOM, semicolon, decimal comma, numbers stay numbers', () => {
    const csv = tableToCsv(t, { style: 'nb' });
    expect(csv.startsWith(BOM)).toBe(true);
    const rows = parseCsv(csv.slice(1), ';');
    expect(rows[0]).toEqual(['Omfordeling per kommune']);
    expect(rows[1]).toEqual(['Kommune', 'Indeks', 'Endring (kr)', 'Andel', 'Merknad']);
    expect(rows[2]).toEqual(['0301 Oslo', '1,0234', '1234567', '0,125', 'ok']);
    // The separator inside a label is quoted, negative numbers stay unprefixed numbers.
    expect(rows[3]).toEqual(['Bø i Telemark; «Ærø»', '0,9', '-52000,5', '-0,031', "'-1 endring"]);
    expect(csv).toContain('"Bø i Telemark; «Ærø»"');
  });

  it('international style: comma, point', () => {
    const rows = parseCsv(tableToCsv(t, { style: 'en', bom: false }), ',');
    expect(rows[2]).toEqual(['0301 Oslo', '1.0234', '1234567', '0.125', 'ok']);
    expect(rows[3][2]).toBe('-52000.5');
  });

  it('neutralises every hostile label and text cell, in both styles', () => {
    for (const style of ['nb', 'en'] as const) {
      const rows = parseCsv(tableToCsv(t, { style, bom: false }), style === 'nb' ? ';' : ',');
      for (const r of rows) for (const f of r) expect(f).not.toMatch(/^[=+@\t\r]/);
      const hostileRows = rows.filter((r) => HOSTILE.some((h) => r[0] === `'${h}` || r[0] === h));
      expect(hostileRows).toHaveLength(HOSTILE.length);
      for (const r of hostileRows) {
        if (r[0].startsWith('<')) expect(r[0]).toBe('<script>alert(1)</script>');
        else expect(r[0].startsWith("'")).toBe(true);
        expect(Number(r[1].replace(',', '.'))).toBeLessThan(0); // a negative NUMBER is not prefixed
      }
    }
  });

  it('ends with notes, source and the synthetic-data note', () => {
    const csv = tableToCsv(t, { style: 'nb' });
    expect(csv).toContain('Kilde: SSB');
    expect(csv).toContain('Syntetiske data');
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(tableToCsv(t, { style: 'nb', meta: false })).not.toContain('Syntetiske');
  });

  it('plainNumber round-trips any finite double without exponent', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        const s = plainNumber(x, 'en');
        expect(s).not.toMatch(/e/i);
        expect(Number(s)).toBeCloseTo(x, 10);
        expect(plainNumber(x, 'nb')).toBe(s.replace('.', ','));
      }),
    );
  });
});

describe('clipboard flavours', () => {
  const t = hostileTable();
  it('HTML escapes markup and neutralises formulas', () => {
    const html = tableToHtml(t, 'nb');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<th scope="row" style="text-align:left">&#39;=cmd|&#39; /C calc&#39;!A0</th>');
    expect(html).not.toMatch(/<t[hd][^>]*>[=+@]/);
    expect(html).toContain('<caption>Omfordeling per kommune</caption>');
    expect(html).toContain('Syntetiske data');
  });
  it('TSV is a tab grid with neutralised cells and no stray tabs', () => {
    const lines = tableToTsv(t, 'nb').trimEnd().split('\n');
    expect(lines[1].split('\t')).toEqual(['Kommune', 'Indeks', 'Endring (kr)', 'Andel', 'Merknad']);
    for (const l of lines.slice(1)) expect(l.split('\t')).toHaveLength(5);
    expect(lines.some((l) => l.startsWith("'@SUM(1)"))).toBe(true);
    expect(lines.every((l) => !/^[=+@]/.test(l))).toBe(true);
  });
});
