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

/** True when the text looks like a number or an SSB symbol (used to classify columns). */
export function looksNumeric(text: string): boolean {
  return parseCell(text, true).missing !== Missing.invalid;
}
