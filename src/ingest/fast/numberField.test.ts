import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Missing } from '../../engine/table';
import { parseCell, parseCellSpan } from '../cells';
import { scanNumberField, UNREAD } from './numberField';

const SEMI = 59;

/** Scans `;cell;…` from position 1 and returns the end, value and code. */
function scan(cell: string, decimalComma: boolean, tail = ';x') {
  const text = `;${cell}${tail}`;
  const values = new Float64Array(3);
  const codes = new Int8Array(3).fill(UNREAD);
  const end = scanNumberField(text, 1, text.length, SEMI, decimalComma, values, codes, 1);
  return { text, end, value: values[1], code: codes[1] };
}

/** What the reader ends with: the scan's result, or parseCell when the scan leaves the cell unread. */
function expectLikeParseCell(cell: string, decimalComma: boolean): void {
  const r = scan(cell, decimalComma);
  expect(r.end, cell).toBe(1 + cell.length);
  const want = parseCell(cell, decimalComma);
  if (r.code === UNREAD) {
    // Only what parseCellSpan declines is left to parseCell, exactly as before.
    expect(parseCellSpan(r.text, 1, r.end, decimalComma), cell).toBeNull();
    return;
  }
  expect(r.code, cell).toBe(want.missing);
  expect(Object.is(r.value, want.value), `${cell}: ${r.value} vs ${want.value}`).toBe(true);
}

describe('scanNumberField', () => {
  it('reads plain numbers with a decimal comma or point, bit for bit like parseCell', () => {
    for (const dc of [true, false]) {
      for (const c of ['0', '12', '-7', '-0', '63973,93', '61679,4', '1234,5', '-1,5', '1.5', '0,1', '0.3', '99999999999999,9', '123456789012345', '12,3456', '1,234', '1.234']) {
        expectLikeParseCell(c, dc);
      }
    }
    expect(scan('63973,93', true)).toMatchObject({ value: 63973.93, code: Missing.present });
    expect(scan('-12,25', true)).toMatchObject({ value: -12.25, code: Missing.present });
  });

  it('keeps the reasons of SSB symbols and reads `-` as 0', () => {
    expect(scan('..', true)).toMatchObject({ code: Missing.missing });
    expect(scan('', true)).toMatchObject({ code: Missing.missing });
    expect(scan(':', true)).toMatchObject({ code: Missing.suppressed });
    expect(scan('.', true)).toMatchObject({ code: Missing.notApplicable });
    expect(scan('...', true)).toMatchObject({ code: Missing.notYetAvailable });
    expect(scan('-', true)).toMatchObject({ value: 0, code: Missing.present });
    for (const c of ['..', '', ':', '.', '...', '-', '....', '::', '−3']) expectLikeParseCell(c, true);
  });

  it('leaves thousands separators, exponents and words to parseCell', () => {
    for (const c of ['1 234,5', '1\u00a0234', '1.234,5', '1,234.5', '1e308', '1e5', 'NaN', 'Infinity', '-Infinity', '1234567890123456', ',5', '5,', '-,5', '1,2,3', 'x', '12a', '+5']) {
      const r = scan(c, true);
      expect(r.code, c).toBe(UNREAD);
      expectLikeParseCell(c, true);
      expectLikeParseCell(c, false);
    }
    // …where the overflowing and non-numeric ones stay invalid, as before.
    for (const c of ['1e308', 'NaN', 'Infinity']) expect(parseCell(c, true).missing).toBe(Missing.invalid);
  });

  it('stops at the delimiter or the line end and hands quotes to PapaParse', () => {
    expect(scan('12', true, '').end).toBe(3);
    expect(scan('12', true, ';34').end).toBe(3);
    expect(scan('1"2', true).end).toBe(-1);
    expect(scan('"12"', true).end).toBe(-1);
    expect(scan('ab"', true).end).toBe(-1);
    // A comma delimiter is a delimiter, not a decimal mark.
    const text = ',12,5';
    const values = new Float64Array(1);
    const codes = new Int8Array(1);
    expect(scanNumberField(text, 1, text.length, 44, true, values, codes, 0)).toBe(3);
    expect(values[0]).toBe(12);
  });

  it('agrees with parseCell on arbitrary cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', '-', ':', ' ', 'e', '\u00a0', '−'), maxLength: 20 });
    fc.assert(
      fc.property(cell, fc.boolean(), (c, dc) => {
        expectLikeParseCell(c, dc);
      }),
      { numRuns: 3000 },
    );
  });
});
