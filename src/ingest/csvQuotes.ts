/**
 * Stray (unbalanced) quotes. RFC 4180 lets a quoted field hold line breaks, so a `"` that opens a
 * field and is never closed makes every following line part of that one field: 2 000 rows used to
 * vanish with only a ragged-row note. Rule (README, «Limits»): a quote still open after
 * MAX_QUOTED_LINE_BREAKS line breaks, or at the end of the file, is a stray quote. It is read as a
 * literal character (the field runs to the next delimiter or line end, as if unquoted), so no line
 * is swallowed, and the file gets a warning at the line where the quote opens with the number of
 * lines it would have swallowed.
 */

const QUOTE = 34;

/** True when position q starts a field: the start of the text, or after a delimiter or a line end. */
function atFieldStart(text: string, q: number, delimiters: string): boolean {
  if (q === 0) return true;
  const c = text.charCodeAt(q - 1);
  return c === 10 || c === 13 || delimiters.includes(text[q - 1]);
}

/** True when the character at i ends a quoted field: a delimiter or a line end. */
function endsField(text: string, i: number, delimiters: string): boolean {
  const c = text.charCodeAt(i);
  return c === 10 || c === 13 || (i < text.length && delimiters.includes(text[i]));
}

/** Line breaks (of the file's kind) in text[from, to). */
export function countBreaks(text: string, from: number, to: number, newline: string): number {
  const nl = newline === '\r' ? '\r' : '\n';
  let n = 0;
  for (let i = text.indexOf(nl, from); i >= 0 && i < to; i = text.indexOf(nl, i + 1)) n++;
  return n;
}

/**
 * Position of the first quote in `text` (which starts at a line start, outside quotes) that opens
 * a field and is still open after more than `maxBreaks` line breaks — or at the end of the text when
 * `atEnd` (the end of the file). -1 when there is none, or when the last open quote is undecided
 * (open at the end of a slice with fewer breaks so far: the next slice decides). `delimiters` is the
 * file's delimiter, or all candidates while it is being sniffed.
 */
export function findStrayQuote(text: string, delimiters: string, newline: string, maxBreaks: number, atEnd: boolean): number {
  const n = text.length;
  let p = 0;
  for (;;) {
    let q = text.indexOf('"', p);
    if (q < 0) return -1;
    if (!atFieldStart(text, q, delimiters)) {
      // A quote inside an unquoted field is a literal character (PapaParse reads it so).
      p = q + 1;
      continue;
    }
    const open = q;
    let breaks = 0;
    let from = q + 1;
    for (;;) {
      q = text.indexOf('"', from);
      breaks += countBreaks(text, from, q < 0 ? n : q, newline);
      if (breaks > maxBreaks) return open;
      if (q < 0) return atEnd ? open : -1;
      const next = text.charCodeAt(q + 1);
      if (next === QUOTE) {
        from = q + 2;
        continue;
      }
      if (q + 1 >= n) return -1; // closes at the very end of the text (the next slice may say otherwise)
      if (endsField(text, q + 1, delimiters)) break;
      // `"abc"def`: PapaParse keeps looking for a closing quote; so do we.
      from = q + 1;
    }
    p = q + 1;
  }
}

/**
 * The text with the field that starts with the stray quote at q re-quoted so that PapaParse reads
 * the quote as a literal character: `"0301 Oslo;5` → `"""0301 Oslo";5`.
 */
export function literalQuote(text: string, q: number, delimiters: string): string {
  let end = text.length;
  for (const stop of [...delimiters, '\n', '\r']) {
    const k = text.indexOf(stop, q + 1);
    if (k >= 0 && k < end) end = k;
  }
  const field = text.slice(q, end);
  return `${text.slice(0, q)}"${field.replace(/"/g, '""')}"${text.slice(end)}`;
}

/**
 * Counts, over the following slices of the file, the line breaks a stray quote would have
 * swallowed: up to the quote PapaParse would have taken as its close (one followed by a delimiter
 * or a line end), or the end of the file.
 */
export class StrayQuoteCount {
  breaks = 0;
  closed = false;
  /** A `"` ended the previous slice: its meaning depends on the next character. */
  private pendingQuote = false;

  constructor(
    readonly line: number,
    private readonly delimiter: string,
    private readonly newline: string,
  ) {}

  feed(text: string, from = 0): void {
    if (this.closed) return;
    let p = from;
    if (this.pendingQuote) {
      this.pendingQuote = false;
      const c = text.charCodeAt(p);
      if (c === QUOTE) p++;
      else if (endsField(text, p, this.delimiter)) {
        this.closed = true;
        return;
      }
    }
    for (;;) {
      const q = text.indexOf('"', p);
      this.breaks += countBreaks(text, p, q < 0 ? text.length : q, this.newline);
      if (q < 0) return;
      if (q + 1 >= text.length) {
        this.pendingQuote = true;
        return;
      }
      if (text.charCodeAt(q + 1) === QUOTE) {
        p = q + 2;
        continue;
      }
      if (endsField(text, q + 1, this.delimiter)) {
        this.closed = true;
        return;
      }
      p = q + 1;
    }
  }
}
