/**
 * `scanNumberField` and `parseCellSpan` on the bytes of the file instead of decoded text, for the
 * byte reader (byteCsv.ts): the same rules and arithmetic, character for byte. Numbers and SSB's
 * symbols are ASCII, which every encoding the byte reader accepts writes as the same bytes, so an
 * ASCII field reads exactly as its decoded text would; a field with any other byte is marked for
 * the caller to decode and read with `parseCell`, as the text reader does with what it declines.
 */
import { Missing } from '../../engine/table';
import type { ParsedCell } from '../cells';
import { UNREAD } from './numberField';

/** Code for a field holding a byte ≥ 0x80: the caller decodes it (which also validates it). */
export const NON_ASCII = -2;

const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));
const OUT: ParsedCell = { value: 0, missing: 0 };

/**
 * Scans the unquoted field at bytes[p, e) up to the delimiter, a LF or a CR and reads it, as
 * `scanNumberField`. Returns the field's end, or -1 when the field holds a `"` (the text path must
 * read the line). Writes the value and missing code, UNREAD or NON_ASCII, to values[slot] / codes[slot].
 */
export function scanNumberBytes(bytes: Uint8Array, p: number, e: number, delim: number, decimalComma: boolean, values: Float64Array, codes: Int8Array, slot: number): number {
  let i = p;
  const neg = i < e && bytes[i] === 45;
  if (neg) i++;
  const first = i;
  let m = 0;
  let digits = 0;
  let mark = -1;
  let plain = true;
  for (; i < e; i++) {
    const c = bytes[i];
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      continue;
    }
    if (c === delim || c === 10 || c === 13) break;
    if ((c === 44 || c === 46) && mark < 0) {
      mark = i;
      continue;
    }
    plain = false;
    break;
  }
  let ascii = true;
  if (!plain) {
    for (; i < e; i++) {
      const c = bytes[i];
      if (c === delim || c === 10 || c === 13) break;
      if (c === 34) return -1;
      if (c >= 0x80) ascii = false;
    }
  }
  const end = i;
  if (plain && digits > 0 && digits <= 15) {
    if (mark < 0) {
      values[slot] = neg ? -m : m;
      codes[slot] = Missing.present;
      return end;
    }
    if (mark !== first && mark !== end - 1) {
      const decimals = end - mark - 1;
      const isComma = bytes[mark] === 44;
      const three = decimals === 3;
      if (isComma ? decimalComma || !three : !decimalComma || !three) {
        const v = m / POW10[decimals];
        values[slot] = neg ? -v : v;
        codes[slot] = Missing.present;
        return end;
      }
    }
  }
  if (!ascii) {
    codes[slot] = NON_ASCII;
    return end;
  }
  const cell = parseSpanBytes(bytes, p, end, decimalComma);
  if (cell === null) codes[slot] = UNREAD;
  else {
    values[slot] = cell.value;
    codes[slot] = cell.missing;
  }
  return end;
}

/** `parseCellSpan` on bytes[start, end): the common cells read in place, null for the rest. */
export function parseSpanBytes(bytes: Uint8Array, start: number, end: number, decimalComma: boolean): ParsedCell | null {
  const n = end - start;
  if (n === 0) {
    OUT.value = NaN;
    OUT.missing = Missing.missing;
    return OUT;
  }
  const c0 = bytes[start];
  if (c0 === 46 || c0 === 58) {
    let k = start;
    while (k < end && bytes[k] === c0) k++;
    if (k !== end) return null;
    OUT.value = NaN;
    if (c0 === 58) {
      if (n !== 1) return null;
      OUT.missing = Missing.suppressed;
    } else if (n === 1) OUT.missing = Missing.notApplicable;
    else if (n === 2) OUT.missing = Missing.missing;
    else if (n === 3) OUT.missing = Missing.notYetAvailable;
    else return null;
    return OUT;
  }
  let i = start;
  const neg = c0 === 45;
  if (neg) {
    if (n === 1) {
      OUT.value = 0;
      OUT.missing = Missing.present;
      return OUT;
    }
    i++;
  }
  const first = i;
  let m = 0;
  let digits = 0;
  let mark = -1;
  for (; i < end; i++) {
    const d = bytes[i] - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      continue;
    }
    const c = d + 48;
    if ((c === 44 || c === 46) && mark < 0) {
      mark = i;
      continue;
    }
    return null;
  }
  if (digits === 0 || digits > 15) return null;
  if (mark < 0) {
    OUT.value = neg ? -m : m;
    OUT.missing = Missing.present;
    return OUT;
  }
  if (mark === first || mark === end - 1) return null;
  const isComma = bytes[mark] === 44;
  const decimals = end - mark - 1;
  const three = decimals === 3;
  if (!(isComma ? decimalComma || !three : !decimalComma || !three)) return null;
  const v = m / POW10[decimals];
  OUT.value = neg ? -v : v;
  OUT.missing = Missing.present;
  return OUT;
}
