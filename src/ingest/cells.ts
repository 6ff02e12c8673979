/**
 * One cell of text → a number or a missing code. SSB symbols keep their reason (`:` suppressed is
 * not the same as `..` missing); `-` is SSB's "nothing to report" and reads as 0. Everything else
 * that is not a plain decimal number is `invalid`, so validation can show it instead of guessing.
 */
import { Missing, type MissingCode } from '../engine/table';

export interface ParsedCell {
  value: number;
  missing: MissingCode;
}

/** Values beyond this are treated as broken input (1e308 would overflow any sum). */
export const MAX_ABS_VALUE = 1e15;

const NUMBER_RE = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const OUT: ParsedCell = { value: 0, missing: 0 };

function isSpace(c: number): boolean {
  // ASCII space, TAB, NBSP, narrow NBSP, thin space: all used as thousands separators in exports.
  return c === 32 || c === 9 || c === 0xa0 || c === 0x202f || c === 0x2009;
}

/**
 * Parses `text`. `decimalComma` says whether `,` is the decimal mark in this file (then `.` is a
 * thousands separator when followed by exactly three digits). Returns a shared object: copy the
 * fields before calling again (this keeps the hot loop allocation-free).
 */
export function parseCell(text: string, decimalComma: boolean): ParsedCell {
  const n = text.length;
  // Fast path: plain unsigned integer, the most common cell in SSB files.
  if (n > 0 && n < 16) {
    let v = 0;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i) - 48;
      if (c < 0 || c > 9) {
        ok = false;
        break;
      }
      v = v * 10 + c;
    }
    if (ok) {
      OUT.value = v;
      OUT.missing = Missing.present;
      return OUT;
    }
  }
  // Second fast path: `1234,5` / `-12.25` (one decimal mark, no spaces): one replace, no regex.
  if (n > 0 && n < 24) {
    let mark = -1;
    let ok = true;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) continue;
      if ((c === 44 || c === 46) && mark < 0 && i > 0 && i < n - 1) {
        mark = i;
        continue;
      }
      if (c === 45 && i === 0 && n > 1) continue;
      ok = false;
      break;
    }
    if (ok && mark > 0 && text.charCodeAt(mark - 1) !== 45) {
      const isComma = text.charCodeAt(mark) === 44;
      // Three digits after the mark may be a thousands separator (`1,234` in an English file,
      // `1.234` in a Norwegian one): those are left to the slow path, which decides by the file.
      const three = n - mark - 1 === 3;
      if (isComma ? decimalComma || !three : !decimalComma || !three) {
        OUT.value = Number(isComma ? text.slice(0, mark) + '.' + text.slice(mark + 1) : text);
        OUT.missing = Missing.present;
        return OUT;
      }
    }
  }
  let s = text;
  let a = 0;
  let b = n;
  while (a < b && isSpace(s.charCodeAt(a))) a++;
  while (b > a && isSpace(s.charCodeAt(b - 1))) b--;
  if (a > 0 || b < n) s = s.slice(a, b);
  OUT.value = NaN;
  switch (s) {
    case '':
    case '..':
      OUT.missing = Missing.missing;
      return OUT;
    case ':':
      OUT.missing = Missing.suppressed;
      return OUT;
    case '.':
      OUT.missing = Missing.notApplicable;
      return OUT;
    case '...':
      OUT.missing = Missing.notYetAvailable;
      return OUT;
    case '-':
    case '−':
      OUT.value = 0;
      OUT.missing = Missing.present;
      return OUT;
  }
  let t = s;
  // Thousands separated by spaces (incl. NBSP): drop spaces between digits.
  if (/[\s\u00a0\u202f\u2009]/.test(t)) {
    if (!/^[+\-−]?\d{1,3}(?:[\s\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?$/.test(t)) return invalid();
    t = t.replace(/[\s\u00a0\u202f\u2009]/g, '');
  }
  if (t.charCodeAt(0) === 0x2212) t = '-' + t.slice(1);
  const hasComma = t.includes(',');
  const hasDot = t.includes('.');
  if (hasComma && hasDot) {
    // 1.234,5 (Norwegian) or 1,234.5 (English): the last mark is the decimal one.
    if (t.lastIndexOf(',') > t.lastIndexOf('.')) t = t.replace(/\./g, '').replace(',', '.');
    else t = t.replace(/,/g, '');
  } else if (hasComma) {
    if (decimalComma || !/^[+-]?\d{1,3}(?:,\d{3})+$/.test(t)) {
      if (t.indexOf(',') !== t.lastIndexOf(',')) return invalid();
      t = t.replace(',', '.');
    } else t = t.replace(/,/g, '');
  } else if (hasDot && decimalComma && /^[+-]?\d{1,3}(?:\.\d{3})+$/.test(t)) {
    t = t.replace(/\./g, '');
  }
  if (!NUMBER_RE.test(t)) return invalid();
  const v = Number(t);
  if (!Number.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE) return invalid();
  OUT.value = v;
  OUT.missing = Missing.present;
  return OUT;
}

function invalid(): ParsedCell {
  OUT.value = NaN;
  OUT.missing = Missing.invalid;
  return OUT;
}

/**
 * True when an invalid cell is a number, only too large to use (`1e308`, `-9e99`, 20 digits): the
 * message then says so instead of «not a number». Called on the rare invalid cells only.
 */
export function isOutOfRangeNumber(text: string, decimalComma: boolean): boolean {
  let t = text.trim().replace(/[\s\u00a0\u202f\u2009]/g, '').replace(/^\u2212/, '-');
  if (decimalComma) t = t.replace(/\./g, '').replace(',', '.');
  else t = t.replace(/,/g, '');
  if (!NUMBER_RE.test(t)) return false;
  const v = Number(t);
  return !Number.isFinite(v) || Math.abs(v) > MAX_ABS_VALUE;
}

/** True when the text looks like a number or an SSB symbol (used to classify columns). */
export function looksNumeric(text: string): boolean {
  return parseCell(text, true).missing !== Missing.invalid;
}

const CURRENCY_OR_UNIT = /^(?:€|\$|£|kr\.?|nok|eur|usd)\s*|\s*(?:€|\$|£|kr\.?|nok|eur|usd|%|‰)$/gi;

/**
 * A number with a currency or unit stuck to it (`€ 12`, `12 kr`, `45 %`): not a number the file can
 * be read with, but evidence that its column holds numbers. One such cell used to turn the whole
 * file into a text table; now the column stays a value column and the cell is reported at its line.
 */
export function looksNearNumeric(text: string): boolean {
  const t = text.trim();
  const bare = t.replace(CURRENCY_OR_UNIT, '').trim();
  return bare !== t && bare !== '' && looksNumeric(bare);
}

// Exact powers of ten (10^0 … 10^22 are all representable), for the span parser below.
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * `parseCell` for the characters text[start, end) without cutting the string out: the common cells
 * of a large file (`12345`, `-12`, `1234,5`, `..`, `:`, `-`, empty) are read in place, because
 * allocating a substring per cell is what made large files slow. Returns null for anything else;
 * the caller then calls `parseCell` on the substring, so unusual cells keep exactly its rules.
 *
 * Decimals are m / 10^k with the digits m < 10^15 < 2^53 and k ≤ 22: both are exact doubles and one
 * division rounds correctly, which is the same double `Number()` gives for the text (Clinger's fast
 * path), so results match `parseCell` bit for bit.
 */
export function parseCellSpan(text: string, start: number, end: number, decimalComma: boolean): ParsedCell | null {
  const n = end - start;
  if (n === 0) {
    OUT.value = NaN;
    OUT.missing = Missing.missing;
    return OUT;
  }
  const c0 = text.charCodeAt(start);
  if (c0 === 46 || c0 === 58) {
    // `.` `..` `...` `:` exactly; anything else starting with a mark is left to parseCell.
    let k = start;
    while (k < end && text.charCodeAt(k) === c0) k++;
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
    const d = text.charCodeAt(i) - 48;
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
  const isComma = text.charCodeAt(mark) === 44;
  const decimals = end - mark - 1;
  // Same rule as parseCell: three digits after the mark may be a thousands separator; the file decides.
  const three = decimals === 3;
  if (!(isComma ? decimalComma || !three : !decimalComma || !three)) return null;
  const v = m / POW10[decimals];
  OUT.value = neg ? -v : v;
  OUT.missing = Missing.present;
  return OUT;
}
