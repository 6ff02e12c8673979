/**
 * Line ends and line lengths, checked before the CSV reader relies on them.
 *
 * Mixed line ends: a file that mixes CR, LF and CRLF (two exports pasted together) was split on one
 * kind only and became one garbage row. Every slice is checked for line ends of another kind (a
 * native indexOf pass, about 1 % of reading time) and only a slice that has them is rewritten.
 *
 * Long lines: the head that the reader sniffs must hold the header line whole, or the header's last
 * field is cut (which invented a duplicate column in a 100 000-column file). A first line that does
 * not fit a generous head is measured as a stream instead, so a 50 MB cell or a 100 000-column header
 * is refused with its exact size before any large string is built.
 */
import { decodeSlices, type EncodingGuess } from './decode';

/** True when text holds a line end of another kind than `newline`. */
export function hasForeignLineEnds(text: string, newline: string): boolean {
  if (newline === '\n') return text.indexOf('\r') >= 0;
  if (newline === '\r') return text.indexOf('\n') >= 0;
  // CRLF: every LF must follow a CR and every CR must precede an LF (a CR at the very end is the
  // first half of a CRLF cut by the slice edge; the caller holds it back).
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (i === 0 || text.charCodeAt(i - 1) !== 13) return true;
  for (let i = text.indexOf('\r'); i >= 0; i = text.indexOf('\r', i + 1)) if (i + 1 < text.length && text.charCodeAt(i + 1) !== 10) return true;
  return false;
}

/** Every CR, LF and CRLF as `newline`. */
export function normaliseLineEnds(text: string, newline: string): string {
  return text.replace(/\r\n|\r|\n/g, newline);
}

/** Counts of each kind of line end in a head (for the «mixed line ends» note). */
export function lineEndKinds(text: string): { crlf: number; lf: number; cr: number } {
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  return { crlf, lf, cr };
}

export interface LineMeasure {
  /** 1-based line number. */
  line: number;
  /** Fields per candidate delimiter (count of that character + 1). */
  fields: Record<string, number>;
  /** Longest run of characters between delimiters (of any candidate) or line ends, and where it starts. */
  longest: number;
  longestField: Record<string, number>;
}

/**
 * Measures the first `maxLines` lines as a stream of decoded slices without building them:
 * per line the field count for each candidate delimiter and, per delimiter, the longest field and
 * which field it is. Quotes are not interpreted (a quoted field holding a delimiter counts as two),
 * which is enough to tell a 100 000-column header or a 50 MB cell from a table.
 */
export function measureLines(bytes: Uint8Array, enc: EncodingGuess, delimiters: readonly string[], maxLines: number): { lines: LineMeasure[]; longestCell: { line: number; field: Record<string, number>; chars: Record<string, number> } } {
  const codes = delimiters.map((d) => d.charCodeAt(0));
  const k = codes.length;
  const count = new Float64Array(k);
  const run = new Float64Array(k);
  const longest = new Float64Array(k);
  const longestAt = new Float64Array(k);
  const lines: LineMeasure[] = [];
  const cell = { line: 0, field: {} as Record<string, number>, chars: {} as Record<string, number> };
  let line = 1;
  let prevCr = false;
  const endLine = () => {
    const fields: Record<string, number> = {};
    const longestField: Record<string, number> = {};
    let max = 0;
    delimiters.forEach((d, j) => {
      if (run[j] > longest[j]) {
        longest[j] = run[j];
        longestAt[j] = count[j];
      }
      fields[d] = count[j] + 1;
      longestField[d] = longestAt[j] + 1;
      if (longest[j] > max) max = longest[j];
      if (longest[j] > (cell.chars[d] ?? 0)) {
        cell.chars[d] = longest[j];
        cell.field[d] = longestAt[j] + 1;
        cell.line = line;
      }
    });
    lines.push({ line, fields, longest: max, longestField });
    count.fill(0);
    run.fill(0);
    longest.fill(0);
    longestAt.fill(0);
    line++;
  };
  outer: for (const { text } of decodeSlices(bytes, enc)) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) {
        if (c === 10 && prevCr) {
          prevCr = false;
          continue;
        }
        prevCr = c === 13;
        endLine();
        if (lines.length >= maxLines) break outer;
        continue;
      }
      prevCr = false;
      for (let j = 0; j < k; j++) {
        if (c === codes[j]) {
          if (run[j] > longest[j]) {
            longest[j] = run[j];
            longestAt[j] = count[j];
          }
          count[j]++;
          run[j] = 0;
        } else run[j]++;
      }
    }
  }
  if (lines.length < maxLines && (count.some((x) => x > 0) || run.some((x) => x > 0))) endLine();
  return { lines, longestCell: cell };
}

/**
 * Watches the line the reader carries from slice to slice while no line end has arrived: finds a
 * field longer than the cell limit as soon as there is one, looking at each character once (the
 * carried text keeps its start until a line end arrives; the reader calls `reset` then).
 */
export class OpenLineGuard {
  private pos = 0;
  private inQuote = false;
  private fieldStart = 0;
  private field = 0;
  private quoted = false;

  reset(): void {
    this.pos = 0;
    this.inQuote = false;
    this.fieldStart = 0;
    this.field = 0;
    this.quoted = false;
  }

  /** A field of text longer than max: its 0-based index, start and whether it is quoted; else null. */
  check(text: string, delimiter: string, max: number): { field: number; start: number; quoted: boolean } | null {
    const delim = delimiter.charCodeAt(0);
    const n = text.length;
    let i = this.pos;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (this.inQuote) {
        if (c === 34) {
          if (i + 1 >= n) break; // `""` or a close: the next slice tells
          if (text.charCodeAt(i + 1) === 34) {
            i += 2;
            continue;
          }
          this.inQuote = false;
        }
      } else if (c === 34 && i === this.fieldStart) {
        this.inQuote = true;
        this.quoted = true;
      } else if (c === delim) {
        if (i - this.fieldStart > max) break;
        this.field++;
        this.fieldStart = i + 1;
        this.quoted = false;
      }
      i++;
    }
    this.pos = i;
    const open = (i < n ? i : n) - this.fieldStart;
    return open > max || n - this.fieldStart > max ? { field: this.field, start: this.fieldStart, quoted: this.quoted } : null;
  }
}

/** Counts the characters of one field over the following slices, to name a long cell's length. */
export class CellLength {
  chars = 0;
  done = false;
  private pendingQuote = false;

  constructor(
    private readonly delimiter: string,
    private readonly quoted: boolean,
  ) {}

  feed(text: string, from = 0): void {
    if (this.done) return;
    const n = text.length;
    if (!this.quoted) {
      let end = n;
      for (const stop of [this.delimiter, '\n', '\r']) {
        const k = text.indexOf(stop, from);
        if (k >= 0 && k < end) end = k;
      }
      this.chars += end - from;
      this.done = end < n;
      return;
    }
    let p = from;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      if (text.charCodeAt(p) === 34) {
        this.chars += 1;
        p++;
      } else {
        this.done = true;
        return;
      }
    }
    for (;;) {
      const q = text.indexOf('"', p);
      if (q < 0) {
        this.chars += n - p;
        return;
      }
      this.chars += q - p + 1;
      if (q + 1 >= n) {
        this.pendingQuote = true;
        return;
      }
      if (text.charCodeAt(q + 1) === 34) {
        this.chars += 1;
        p = q + 2;
        continue;
      }
      this.done = true;
      return;
    }
  }
}
