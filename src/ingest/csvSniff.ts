/**
 * Sniffs the shape of a CSV head: line ends, delimiter, header line (after an optional title line
 * and blank line, as Statistikkbanken writes them), decimal comma. PapaParse's own delimiter guess
 * picks `,` when values carry decimal commas (papaparse #1005), so we score candidates ourselves by
 * how consistently they split the lines.
 */
import Papa from 'papaparse';

export const DELIMITERS = [';', '\t', ','] as const;

export function detectNewline(head: string): string {
  const crlf = head.indexOf('\r\n');
  const lf = head.indexOf('\n');
  const cr = head.indexOf('\r');
  if (crlf >= 0 && crlf <= lf) return '\r\n';
  if (lf >= 0 && (cr < 0 || lf < cr)) return '\n';
  if (cr >= 0) return '\r';
  return '\n';
}

/** Drops the last, possibly cut, line of a head so sniffing never sees half a row. */
export function completeLines(head: string, newline: string, wholeFile: boolean): string {
  if (wholeFile) return head;
  const last = head.lastIndexOf(newline);
  return last > 0 ? head.slice(0, last) : head;
}

export function parseRows(text: string, delimiter: string, newline: string, preview = 0): string[][] {
  const res = Papa.parse<string[]>(text, { delimiter, newline: newline as '\n', quoteChar: '"', preview, skipEmptyLines: false });
  return res.data;
}

function mode(counts: number[]): { mode: number; hits: number } {
  const freq = new Map<number, number>();
  for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
  let best = 0;
  let hits = 0;
  for (const [c, f] of freq) if (f > hits || (f === hits && c > best)) [best, hits] = [c, f];
  return { mode: best, hits };
}

export function sniffDelimiter(head: string, newline: string): string {
  let best: string = ';';
  let bestScore = -1;
  for (const d of DELIMITERS) {
    const rows = parseRows(head, d, newline, 60).filter((r) => !(r.length === 1 && r[0].trim() === ''));
    if (rows.length === 0) continue;
    const counts = rows.map((r) => r.length);
    const { mode: m, hits } = mode(counts);
    if (m < 2) continue;
    // Consistency first; among equally consistent candidates the earlier (`;` before TAB before `,`) wins.
    const score = hits / rows.length;
    if (score > bestScore + 1e-9) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export interface HeaderGuess {
  /** 0-based index of the header among the parsed rows. */
  index: number;
  title: string;
  width: number;
}

export function findHeader(rows: string[][]): HeaderGuess {
  const body = rows.filter((r) => !(r.length === 1 && r[0].trim() === ''));
  const { mode: width } = mode(body.map((r) => r.length));
  const limit = Math.min(rows.length, 30);
  for (let i = 0; i < limit; i++) {
    const r = rows[i];
    // `>=`: Klass exports have an 8-field header over 6-field rows (ragged), so the header may be wider.
    if (r.length >= Math.max(width, 2)) {
      const title = rows
        .slice(0, i)
        .map((x) => x.join(' ').trim())
        .filter(Boolean)
        .join(' ');
      return { index: i, title, width };
    }
  }
  return { index: 0, title: '', width };
}

/** Decimal comma when numbers with a comma outnumber numbers with a point. */
export function sniffDecimalComma(rows: string[][]): boolean {
  let comma = 0;
  let dot = 0;
  for (const r of rows) {
    for (const c of r) {
      if (/^[\s\u00a0]*[+-]?[\d\s\u00a0]*\d,\d+[\s\u00a0]*$/.test(c)) comma++;
      else if (/^[\s\u00a0]*[+-]?\d*\.\d+(?:[eE][+-]?\d+)?[\s\u00a0]*$/.test(c)) dot++;
    }
  }
  return comma > 0 && comma >= dot;
}

/**
 * Index just past the last newline that is outside quotes, so a slice can be parsed on its own.
 * Counting quote characters works for RFC 4180: an escaped `""` keeps the parity.
 */
export function lastCompleteLineEnd(text: string, newline: string): number {
  const nl = newline === '\r' ? '\r' : '\n';
  // Count quotes with indexOf (native, fast) up to the last newline; step back while that newline
  // sits inside a quoted field.
  let p = text.lastIndexOf(nl);
  if (p < 0) return -1;
  let quotes = 0;
  for (let q = text.indexOf('"'); q >= 0 && q < p; q = text.indexOf('"', q + 1)) quotes++;
  while (p >= 0 && quotes % 2 === 1) {
    const prev = text.lastIndexOf(nl, p - 1);
    if (prev < 0) return -1;
    for (let q = text.indexOf('"', prev); q >= 0 && q < p; q = text.indexOf('"', q + 1)) quotes--;
    p = prev;
  }
  return p + 1;
}
