/**
 * Entry point for one file: checks size, emptiness and binary content, sniffs the format (CSV,
 * JSON-stat, plain JSON, xlsx) and hands over to the reader. Never throws: every failure comes back
 * as an ImportedSource with status `error` and a Norwegian problem naming the file.
 */
import { problem, type Problem } from '../engine/problem';
import { sourceSpecSchema, type SourceSpec } from '../spec/sections/data';
import { ingestCsv } from './csv';
import { sniffEncoding } from './decode';
import { BudgetExceeded, checkFileSize, jsonTooLarge, resolveLimits, type IngestLimits } from './limits';
import { ingestJsonStatDoc, type Json } from './jsonstat';
import { ingestJsonTable } from './jsonTable';
import { applyYearAs, collapsePeriods } from './periods';
import { failedSource } from './result';
import { ingestTidyTable } from './tidyTable';
import type { DetectedFormat, ImportedSource, IngestOptions } from './types';
import { ingestXlsx } from './xlsx';

export type SniffedFormat = SourceSpec['format'] | 'empty' | 'bom-only' | 'blank' | 'binary' | 'gzip' | 'html' | 'xls' | 'pdf';

function isSpaceByte(b: number): boolean {
  return b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
}

export function sniffFormat(name: string, bytes: Uint8Array): SniffedFormat {
  if (bytes.length === 0) return 'empty';
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46) return 'pdf';
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return 'gzip';
  const enc = sniffEncoding(bytes.subarray(0, 4096));
  if (enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be') {
    // UTF-16 (with or without a byte order mark): look at the decoded text, not at the bytes.
    const head = new TextDecoder(enc.encoding).decode(bytes.subarray(enc.bomLength, Math.min(bytes.length, 4096) & ~1)).trimStart();
    if (head === '' && bytes.length <= 4096) return enc.bomLength > 0 ? 'bom-only' : 'blank';
    if (head.startsWith('{') || head.startsWith('[')) return /\.csv$|\.txt$|\.tsv$/i.test(name) ? 'csv' : 'json';
    if (/^<(?:!doctype html|html|\?xml)/i.test(head)) return 'html';
    return 'csv';
  }
  const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let i = bom;
  const headEnd = Math.min(bytes.length, 8192);
  let control = 0;
  for (let k = 0; k < headEnd; k++) {
    const b = bytes[k];
    if (b === 0) return 'binary';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > headEnd * 0.05) return 'binary';
  while (i < bytes.length && isSpaceByte(bytes[i])) i++;
  // Nothing but a byte order mark (and white space): say so, rather than «only a header».
  if (i >= bytes.length) return bom > 0 ? 'bom-only' : 'blank';
  if (bytes[i] === 0x7b || bytes[i] === 0x5b) return /\.csv$|\.txt$|\.tsv$/i.test(name) ? 'csv' : 'json';
  if (bytes[i] === 0x3c) {
    const head = new TextDecoder('utf-8').decode(bytes.subarray(i, Math.min(bytes.length, i + 200))).toLowerCase();
    if (head.startsWith('<!doctype html') || head.startsWith('<html') || head.startsWith('<?xml')) return 'html';
  }
  return 'csv';
}

function defaultSpec(name: string, format: SourceSpec['format']): SourceSpec {
  return sourceSpecSchema.parse({ id: `file:${name}`, fileName: name, format });
}

function formatProblem(file: string, kind: SniffedFormat): Problem {
  const msgs: Partial<Record<SniffedFormat, [string, string]>> = {
    empty: ['fila er tom.', 'the file is empty.'],
    'bom-only': ['fila er tom: den inneholder bare et byte-order-merke (BOM, tegnet som sier at teksten er UTF-8 eller UTF-16), ingen overskrift og ingen data.', 'the file is empty: it holds only a byte order mark (BOM, the mark saying the text is UTF-8 or UTF-16), no header and no data.'],
    blank: ['fila er tom: den inneholder bare mellomrom og linjeskift.', 'the file is empty: it holds only spaces and line breaks.'],
    gzip: ['fila er gzip-komprimert (.gz). Pakk den ut og last opp fila inni.', 'the file is gzip-compressed (.gz). Unpack it and upload the file inside.'],
    binary: ['fila ser ut til å være binær (ikke tekst, CSV, JSON eller Excel) og kan ikke leses.', 'the file looks binary (not text, CSV, JSON or Excel) and cannot be read.'],
    html: ['fila er en nettside (HTML), ikke data. Last ned tabellen som CSV, JSON-stat eller Excel fra Statistikkbanken.', 'the file is a web page (HTML), not data. Download the table as CSV, JSON-stat or Excel from Statistikkbanken.'],
    xls: ['gamle Excel-filer (.xls) støttes ikke; lagre som .xlsx eller CSV.', 'old Excel files (.xls) are not supported; save as .xlsx or CSV.'],
    pdf: ['fila er en PDF, ikke en datatabell.', 'the file is a PDF, not a data table.'],
  };
  const [nb, en] = msgs[kind] ?? ['ukjent filformat.', 'unknown file format.'];
  const empty = kind === 'empty' || kind === 'bom-only' || kind === 'blank';
  return problem(empty ? 'empty-file' : 'wrong-format', `${file}: ${nb}`, `${file}: ${en}`, { file });
}

/** Line and column of a JSON.parse error, from the character position V8 reports. */
function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } | null {
  const msg = err instanceof Error ? err.message : '';
  let m = /line (\d+) column (\d+)/.exec(msg);
  if (m) return { line: Number(m[1]), column: Number(m[2]) };
  m = /position (\d+)/.exec(msg);
  // "Unexpected end of JSON input" has no position: the error is at the end (a truncated file).
  if (!m && !/end of (?:JSON )?input/i.test(msg)) return null;
  const pos = m ? Number(m[1]) : text.length;
  let line = 1;
  let last = -1;
  for (let k = 0; k < pos && k < text.length; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      last = k;
    }
  }
  return { line, column: pos - last };
}

function ingestJson(bytes: Uint8Array, spec: SourceSpec, limits: IngestLimits): ImportedSource {
  const file = spec.fileName;
  const enc = sniffEncoding(bytes.subarray(0, 4096));
  // JSON is UTF-8 (RFC 8259), but a JSON-stat saved by Notepad may be UTF-16: read it as such.
  const encoding = enc.encoding === 'utf-16le' || enc.encoding === 'utf-16be' ? enc.encoding : 'utf-8';
  const detected: DetectedFormat = { format: 'json', encoding };
  if (bytes.length > limits.jsonBytes) return failedSource({ ...spec, format: 'json' }, detected, [jsonTooLarge(file, bytes.length, limits.jsonBytes)], bytes.length);
  const start = encoding === 'utf-8' ? (enc.bomLength === 3 ? 3 : 0) : enc.bomLength;
  const text = new TextDecoder(encoding).decode(bytes.subarray(start));
  let doc: Json;
  try {
    doc = JSON.parse(text) as Json;
  } catch (err) {
    const pos = jsonErrorPosition(text, err);
    const where = pos ? `, linje ${pos.line}, kolonne ${pos.column}` : '';
    const whereEn = pos ? `, line ${pos.line}, column ${pos.column}` : '';
    return failedSource({ ...spec, format: 'json' }, detected, [
      problem('json-syntax', `${file}${where}: ugyldig JSON – fila er avkuttet eller ikke JSON.`, `${file}${whereEn}: invalid JSON – the file is truncated or not JSON.`, pos ? { file, line: pos.line, column: String(pos.column) } : { file }),
    ], bytes.length);
  }
  const js = ingestJsonStatDoc(doc, spec, bytes.length, limits);
  if (js) {
    js.detected.encoding = encoding;
    return js;
  }
  const table = ingestJsonTable(doc, spec, bytes.length, limits);
  if (table) {
    table.detected.encoding = encoding;
    return table;
  }
  const apiError = typeof doc === 'object' && doc !== null && !Array.isArray(doc) && ('error' in doc || 'errors' in doc || 'title' in doc && 'status' in doc);
  return failedSource({ ...spec, format: 'json' }, detected, [
    apiError
      ? problem('api-error-body', `${file}: fila er en feilmelding fra SSBs API, ikke data.`, `${file}: the file is an error message from SSB's API, not data.`, { file })
      : problem('wrong-format', `${file}: JSON-fila er verken JSON-stat eller en tabell med kommunenummer.`, `${file}: the JSON file is neither JSON-stat nor a table with municipality numbers.`, { file }),
  ], bytes.length);
}

export async function ingestFile(input: { name: string; bytes: Uint8Array }, opts: IngestOptions = {}): Promise<ImportedSource> {
  const read = await readFile(input, opts);
  // Every reader's output goes through the same time steps: quarters/months → years, then «use
  // this file as year X». Nothing after ingest sees a sub-year period.
  return read.status === 'ok' ? applyYearAs(collapsePeriods(read)) : read;
}

async function readFile(input: { name: string; bytes: Uint8Array }, opts: IngestOptions): Promise<ImportedSource> {
  const { name, bytes } = input;
  const sniffed = sniffFormat(name, bytes);
  const baseFormat: SourceSpec['format'] = sniffed === 'xlsx' || sniffed === 'json' || sniffed === 'json-stat' ? sniffed : 'csv';
  const spec: SourceSpec = opts.source ? { ...opts.source, fileName: opts.source.fileName || name } : defaultSpec(name, baseFormat);
  try {
    const limits = resolveLimits(opts.limits);
    const tooLarge = checkFileSize(name, bytes.length, limits.fileBytes);
    if (tooLarge) return failedSource(spec, { format: 'unknown' }, [tooLarge], bytes.length);
    if (sniffed !== 'csv' && sniffed !== 'json' && sniffed !== 'xlsx' && sniffed !== 'json-stat') {
      return failedSource(spec, { format: 'unknown' }, [formatProblem(name, sniffed)], bytes.length);
    }
    // A stored spec decides the reader only when the bytes agree (a renamed file is sniffed again).
    const format = sniffed === 'xlsx' ? 'xlsx' : sniffed === 'json' && spec.format !== 'csv' ? 'json' : spec.format === 'xlsx' || spec.format === 'json' || spec.format === 'json-stat' ? sniffed : 'csv';
    if (spec.table && format === 'csv') return ingestTidyTable(bytes, spec);
    if (format === 'xlsx') return await ingestXlsx(bytes, spec, opts);
    if (format === 'json' || format === 'json-stat') {
      const r = ingestJson(bytes, spec, limits);
      opts.onProgress?.({ fraction: 1, bytes: bytes.length, totalBytes: bytes.length, rows: r.stats.rows, label: name });
      return r;
    }
    return await ingestCsv(bytes, { ...spec, format: 'csv' }, opts);
  } catch (err) {
    // A budget a reader checked on the way: the file is refused, with the limit and what it needed.
    if (err instanceof BudgetExceeded) return failedSource(spec, { format: 'unknown' }, [err.problem], bytes.length);
    if (err instanceof RangeError) {
      // «Invalid string length», «Array buffer allocation failed»: memory, said in plain words.
      return failedSource(spec, { format: 'unknown' }, [
        problem('out-of-memory', `${name}: fila er for stor til å leses i minnet (${err.message}). Del den opp. Tidligere importerte data er uendret.`, `${name}: the file is too large to read in memory (${err.message}). Split it. Data imported earlier is unchanged.`, { file: name }),
      ], bytes.length);
    }
    return failedSource(spec, { format: 'unknown' }, [
      problem(
        'internal-error',
        `${name}: fila kunne ikke leses (${err instanceof Error ? err.message : String(err)}). Tidligere importerte data er uendret.`,
        `${name}: the file could not be read (${err instanceof Error ? err.message : String(err)}). Data imported earlier is unchanged.`,
        { file: name },
      ),
    ], bytes.length);
  }
}
