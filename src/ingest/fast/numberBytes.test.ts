import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCellSpan } from '../cells';
import { NON_ASCII, parseSpanBytes, scanNumberBytes } from './numberBytes';
import { scanNumberField, UNREAD } from './numberField';

const SEMI = 59;
const utf8 = (s: string) => new TextEncoder().encode(s);

/** The byte scan and the text scan of `;cell<tail>` from position 1. */
function both(cell: string, decimalComma: boolean, tail: string) {
  const text = `;${cell}${tail}`;
  const bytes = utf8(text);
  const tv = new Float64Array(2);
  const tc = new Int8Array(2).fill(UNREAD);
  const bv = new Float64Array(2);
  const bc = new Int8Array(2).fill(UNREAD);
  const textEnd = scanNumberField(text, 1, text.length, SEMI, decimalComma, tv, tc, 1);
  const byteEnd = scanNumberBytes(bytes, 1, bytes.length, SEMI, decimalComma, bv, bc, 1);
  return { textEnd, byteEnd, text: { value: tv[1], code: tc[1] }, bytes: { value: bv[1], code: bc[1] } };
}

describe('scanNumberBytes / parseSpanBytes = their text versions on ASCII', () => {
  it('reads the same value and code, and ends at the same place', () => {
    for (const c of ['12', '-12', '1234,5', '-0,25', '1.5', '1,234', '1.234', '..', ':', '.', '...', '-', '', '-0', ',5', '5,', '1e5', '12a', '1 234', '123456789012345', '1234567890123456']) {
      for (const dc of [true, false]) {
        const r = both(c, dc, ';x');
        expect(r.byteEnd, c).toBe(r.textEnd);
        expect(r.bytes, `${c} ${dc}`).toEqual(r.text);
      }
    }
  });

  it('stops at a LF or a CR as at the delimiter, and hands quotes to the text path', () => {
    for (const tail of ['\n', '\r\n', '\r']) {
      const r = both('1234,5', true, tail);
      expect(r.byteEnd).toBe(7);
      expect(r.bytes.value).toBe(1234.5);
      expect(both('..', true, tail).byteEnd).toBe(3);
      expect(both('1 2', true, tail).byteEnd).toBe(4);
    }
    expect(both('1"2', true, ';').byteEnd).toBe(-1);
    expect(both('ab"', true, '\n').byteEnd).toBe(-1);
  });

  it('marks fields with other bytes for decoding (NBSP, minus sign, letters)', () => {
    for (const c of ['1\u00a0234', '−3', 'æ', '12ø']) expect(both(c, true, ';').bytes.code, c).toBe(NON_ASCII);
  });

  it('agrees with the text versions on arbitrary ASCII cells', () => {
    const cell = fc.string({ unit: fc.constantFrom('0', '1', '5', '9', ',', '.', '-', ':', ' ', 'e', 'x'), maxLength: 20 });
    fc.assert(
      fc.property(cell, fc.boolean(), (c, dc) => {
        const r = both(c, dc, ';');
        expect(r.byteEnd).toBe(r.textEnd);
        expect(r.bytes).toEqual(r.text);
        const span = parseSpanBytes(utf8(c), 0, c.length, dc);
        const want = parseCellSpan(c, 0, c.length, dc);
        expect(span === null ? null : { ...span }).toEqual(want === null ? null : { ...want });
      }),
      { numRuns: 3000 },
    );
  });
});
