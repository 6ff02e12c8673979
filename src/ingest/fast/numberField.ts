/**
 * Reads an unquoted value field while scanning for its end, so the characters of a number are
 * looked at once: the reader must scan a field to find the delimiter anyway, and reading the
 * number in a second pass (`parseCellSpan`) cost as much again. Results go into typed arrays,
 * because a double stored in an object field is boxed, which at 150 MB meant a heap number per row.
 *
 * Only plain decimal numbers are read here, with exactly `parseCellSpan`'s arithmetic; every other
 * field (symbols, `-`, thousands separators, more than 15 digits…) goes to `parseCellSpan`, and
 * what that declines is marked UNREAD so the caller ends with `parseCell`, as before.
 */
import { parseCellSpan } from '../cells';
import { Missing } from '../../engine/table';

/** Code for a field the caller must read itself (with `parseCell` on the cut-out text). */
export const UNREAD = -1;

// Exact powers of ten, as in parseCellSpan (10^0 … 10^22 are all representable).
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * Scans the unquoted field at text[p, e) up to the delimiter and reads it. Returns the field's end
 * (the delimiter's position, or e), or -1 when the field holds a `"` (PapaParse must split the
 * line). Writes the value to values[slot] and the missing code, or UNREAD, to codes[slot].
 */
export function scanNumberField(
  text: string,
  p: number,
  e: number,
  delim: number,
  decimalComma: boolean,
  values: Float64Array,
  codes: Int8Array,
  slot: number,
): number {
  let i = p;
  const neg = i < e && text.charCodeAt(i) === 45;
  if (neg) i++;
  const first = i;
  let m = 0;
  let digits = 0;
  let mark = -1;
  let plain = true;
  for (; i < e; i++) {
    const c = text.charCodeAt(i);
    const d = c - 48;
    if (d >= 0 && d <= 9) {
      m = m * 10 + d;
      digits++;
      continue;
    }
    if (c === delim) break;
    if ((c === 44 || c === 46) && mark < 0) {
      mark = i;
      continue;
    }
    plain = false;
    break;
  }
  if (!plain) {
    for (; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === delim) break;
      if (c === 34) return -1;
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
      const isComma = text.charCodeAt(mark) === 44;
      // Three digits after the mark may be a thousands separator: parseCell decides by the file.
      const three = decimals === 3;
      if (isComma ? decimalComma || !three : !decimalComma || !three) {
        const v = m / POW10[decimals];
        values[slot] = neg ? -v : v;
        codes[slot] = Missing.present;
        return end;
      }
    }
  }
  const cell = parseCellSpan(text, p, end, decimalComma);
  if (cell === null) codes[slot] = UNREAD;
  else {
    values[slot] = cell.value;
    codes[slot] = cell.missing;
  }
  return end;
}
