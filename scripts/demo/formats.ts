/**
 * Writers for the two formats SSB users download: Statistikkbanken CSV (title line, blank line,
 * header, `;`, quoted text, decimal comma, CRLF, ISO-8859-1) and PxWebApi v2 JSON-stat2 (UTF-8).
 */

/** A text cell (written quoted) as opposed to a number or an SSB symbol (written bare). */
export interface Text {
  text: string;
}
export const text = (s: string): Text => ({ text: s });
/** A number written with a fixed number of decimals (decimal comma). */
export interface Decimal {
  value: number;
  decimals: number;
}
export const dec = (value: number, decimals: number): Decimal => ({ value, decimals });
export type CsvCell = Text | Decimal | number | '..' | ':' | '.';

/** Formats a number with decimal comma and a fixed number of decimals (no thousands separator,
 *  as in Statistikkbanken's CSV). */
export function nbNumber(x: number, decimals: number): string {
  return x.toFixed(decimals).replace('.', ',');
}

export interface CsvTable {
  title: string;
  header: string[];
  rows: CsvCell[][];
}

const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function csvText(t: CsvTable): string {
  const lines: string[] = [quote(t.title), '', t.header.map(quote).join(';')];
  for (const row of t.rows) {
    lines.push(
      row
        .map((c) => {
          if (typeof c === 'number') return nbNumber(c, 0);
          if (typeof c === 'string') return c;
          if ('decimals' in c) return nbNumber(c.value, c.decimals);
          return quote(c.text);
        })
        .join(';'),
    );
  }
  return lines.join('\r\n') + '\r\n';
}

/** ISO-8859-1: one byte per character; refuses characters the encoding cannot hold. */
export function encodeLatin1(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c > 0xff) throw new Error(`character ${JSON.stringify(s[i])} at ${i} is not ISO-8859-1`);
    out[i] = c;
  }
  return out;
}

export function decodeLatin1(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192));
  return s;
}

export interface JsonStatDimension {
  id: string;
  label: string;
  codes: string[];
  labels: string[];
  unit?: { base: string; decimals: number };
}

/**
 * A JSON-stat 2.0 dataset in PxWebApi v2's shape: row-major values (last dimension fastest),
 * `null` values with the SSB symbol in `status` keyed by flat index.
 */
export function jsonStat2(opts: {
  label: string;
  updated: string;
  dims: JsonStatDimension[];
  roles: { time: string[]; geo: string[]; metric: string[] };
  value: (number | null)[];
  status: Record<string, string>;
  tableId: string;
  note: string[];
}): string {
  const dimension: Record<string, unknown> = {};
  for (const d of opts.dims) {
    const category: Record<string, unknown> = {
      index: Object.fromEntries(d.codes.map((c, i) => [c, i])),
      label: Object.fromEntries(d.codes.map((c, i) => [c, d.labels[i]])),
    };
    if (d.unit) category.unit = Object.fromEntries(d.codes.map((c) => [c, d.unit]));
    dimension[d.id] = { label: d.label, category, extension: { elimination: false, show: d.id === 'Tid' ? 'code' : 'value' } };
  }
  const doc = {
    version: '2.0',
    class: 'dataset',
    label: opts.label,
    source: 'Kostnadsnøkkel-lab (syntetiske data, ikke fra SSB)',
    updated: opts.updated,
    note: opts.note,
    role: opts.roles,
    id: opts.dims.map((d) => d.id),
    size: opts.dims.map((d) => d.codes.length),
    dimension,
    extension: { px: { tableid: opts.tableId, decimals: 0, language: 'no' } },
    value: opts.value,
    status: opts.status,
  };
  return JSON.stringify(doc);
}
