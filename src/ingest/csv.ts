/**
 * CSV reader: sniff (encoding, line ends, delimiter, title lines, header, decimal comma), propose or
 * apply the mapping, then stream the decoded text slice by slice through PapaParse, reporting
 * progress and checking for cancellation between slices.
 */
import { nextTask } from './nextTask';
import { problem, type Problem } from '../engine/problem';
import type { SourceSpec } from '../spec/sections/data';
import { columnMappingSchema, type ColumnMapping } from '../spec/sections/data';
import { decodeHead, decodeSlices, FieldDecoder, normaliseEncoding, NotUtf8Error, sniffEncoding, type EncodingGuess } from './decode';
import { CellLength, hasForeignLineEnds, lineEndKinds, measureLines, normaliseLineEnds, OpenLineGuard } from './csvLines';
import { countBreaks, findStrayQuote, literalQuote, StrayQuoteCount } from './csvQuotes';
import { completeLines, DELIMITERS, detectNewline, findHeader, lastCompleteLineEnd, parseRows, sniffDecimalComma, sniffDelimiter } from './csvSniff';
import { headerlessHeaders, headerlessProblem, looksHeaderless } from './headerless';
import { normaliseHeaders } from './headers';
import { proposeMapping } from './mapping';
import { ByteCsvReader } from './byteCsv';
import { FastCsvReader, type RowCounters } from './fastCsv';
import { BudgetExceeded, cellTooLong, groupDigits, resolveLimits, tooManyColumns, tooManyValues, type IngestLimits } from './limits';
import { ObservationBuilder } from './observations';
import { cancelledSource, failedSource, mapperProblems, nationalProblem, noDataProblems, uFFFDProblem } from './result';
import { RowMapper } from './tabular';
import type { DetectedFormat, ImportedSource, IngestOptions } from './types';

const PREVIEW_ROWS = 200;
const TEXT_ROWS_MAX = 100_000;
/**
 * Bytes decoded per slice. Under Node's 1,031,913-byte threshold (EXTERN_APEX) a decoded slice is
 * an ordinary string that dies young; 4 MiB slices became external strings that only full garbage
 * collections free, which kept ~120 MB more resident while reading a 150 MB file.
 */
const SLICE_BYTES = 1000 << 10;
/** Yielding costs a task (and more under load), so not after every one of the smaller slices. */
const YIELD_EVERY_MS = 16;

/** Lets the equivalence test read the same file with and without the fast readers. */
let fastCsvEnabled = true;
let byteCsvEnabled = true;
/** `bytes` false: the text reader alone (the byte reader off). */
export function setFastCsvEnabled(on: boolean, bytes = on): void {
  fastCsvEnabled = on;
  byteCsvEnabled = bytes;
}

/** Bytes whose UTF-8 validity is judged before reading; the rest is confirmed while decoding. */
const UTF8_HEAD_BYTES = 256 << 10;

/** `headOnly`: a UTF-8 guess may be tentative (sniffEncoding): decode with it fatal. */
export function chooseEncoding(bytes: Uint8Array, override: string | null, file: string, problems: Problem[], headOnly = false): EncodingGuess {
  const sniffed = sniffEncoding(bytes, headOnly ? UTF8_HEAD_BYTES : Infinity);
  if (!override) return sniffed;
  const enc = normaliseEncoding(override);
  if (!enc) {
    problems.push(
      problem(
        'unknown-encoding',
        `${file}: ukjent tegnkoding «${override}» – bruker ${sniffed.encoding} som ble gjenkjent.`,
        `${file}: unknown encoding "${override}" – using the detected ${sniffed.encoding}.`,
        { file },
        'warning',
      ),
    );
    return sniffed;
  }
  return { encoding: enc, bomLength: enc === sniffed.encoding ? sniffed.bomLength : 0, reason: 'override' };
}

/** The stored mapping if it still fits the file's headers, else null (with a warning). */
export function usableMapping(m: ColumnMapping | null | undefined, headers: string[], file: string, problems: Problem[]): ColumnMapping | null {
  if (!m) return null;
  const parsed = columnMappingSchema.safeParse(m);
  if (!parsed.success) return null;
  const mm = parsed.data;
  const cols = [mm.unitColumn, mm.yearColumn, mm.nameColumn, ...mm.valueColumns, ...mm.dimensionColumns].filter((c): c is string => typeof c === 'string');
  const missing = cols.filter((c) => !headers.includes(c));
  if (missing.length === 0) return mm;
  problems.push(
    problem(
      'mapping-mismatch',
      `${file}: den lagrede koblingen nevner kolonner som ikke finnes i fila (${missing.slice(0, 5).join(', ')}); et nytt forslag brukes.`,
      `${file}: the saved mapping names columns the file does not have (${missing.slice(0, 5).join(', ')}); a new proposal is used.`,
      { file, column: missing[0] },
      'warning',
    ),
  );
  return null;
}

/** The head that is sniffed grows (×4) up to this many bytes until it holds the first lines whole. */
const HEAD_BYTES = 256 << 10;
const MAX_HEAD_BYTES = 16 << 20;
/** Line breaks the head must hold: a title line, a blank line and the header (Statistikkbanken). */
const HEAD_BREAKS = 3;

/** A budget the head already breaks (a 100 000-column header, a 50 MB cell): the problem, else null. */
function headBudget(file: string, rows: string[][], headerIndex: number, limits: IngestLimits): Problem | null {
  const header = rows[headerIndex];
  if (header && header.length > limits.columns) return tooManyColumns(file, header.length, limits.columns, headerIndex + 1);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    for (let j = 0; j < r.length; j++) if (r[j].length > limits.cellChars) return cellTooLong(file, r[j].length, limits.cellChars, i + 1, j + 1);
  }
  return null;
}

/**
 * The first lines did not fit in MAX_HEAD_BYTES: measure them as a stream and name the budget they
 * break (columns or cell length), or null when they break none (then the head is simply cut).
 */
function longLinesBudget(file: string, bytes: Uint8Array, enc: EncodingGuess, delimiter: string | null, limits: IngestLimits): Problem | null {
  const candidates = delimiter ? [delimiter] : [...DELIMITERS];
  const m = measureLines(bytes, enc, candidates, HEAD_BREAKS);
  // The delimiter is the candidate that splits the lines most.
  let d = candidates[0];
  for (const c of candidates) if (Math.max(...m.lines.map((l) => l.fields[c])) > Math.max(...m.lines.map((l) => l.fields[d]))) d = c;
  for (const l of m.lines) if (l.fields[d] > limits.columns) return tooManyColumns(file, l.fields[d], limits.columns, l.line);
  const cell = m.longestCell;
  if ((cell.chars[d] ?? 0) > limits.cellChars) return cellTooLong(file, cell.chars[d], limits.cellChars, cell.line, cell.field[d]);
  return null;
}

/** The text with every stray quote (see csvQuotes.ts) read as a literal; `found` gets their positions. */
function literaliseStrayQuotes(text: string, delimiters: string, newline: string, maxBreaks: number, atEnd: boolean, found?: (q: number, text: string) => void): string {
  for (let guard = 0; guard < 10_000; guard++) {
    const q = findStrayQuote(text, delimiters, newline, maxBreaks, atEnd);
    if (q < 0) break;
    found?.(q, text);
    text = literalQuote(text, q, delimiters);
  }
  return text;
}

export async function ingestCsv(bytes: Uint8Array, spec: SourceSpec, opts: IngestOptions): Promise<ImportedSource> {
  try {
    return await readCsv(bytes, spec, opts, true);
  } catch (err) {
    // UTF-8 in the head but not further on: read again with the whole file's guess.
    if (err instanceof NotUtf8Error) return readCsv(bytes, spec, opts, false);
    throw err;
  }
}

async function readCsv(bytes: Uint8Array, spec: SourceSpec, opts: IngestOptions, headOnly: boolean): Promise<ImportedSource> {
  const file = spec.fileName;
  const problems: Problem[] = [];
  const limits = resolveLimits(opts.limits);
  const enc = chooseEncoding(bytes, spec.encoding, file, problems, headOnly);
  const refuse = (p: Problem, detected: DetectedFormat = { format: 'csv', encoding: enc.encoding }) => failedSource({ ...spec, format: 'csv' }, detected, [...problems, p], bytes.length);

  // ---- the head: grown until it holds the first lines whole (a header is never cut)
  let headBytes = HEAD_BYTES;
  let rawHead = decodeHead(bytes, enc, headBytes);
  let wholeInHead = bytes.length - enc.bomLength <= headBytes;
  while (!wholeInHead && countBreaks(rawHead, 0, rawHead.length, detectNewline(rawHead)) < HEAD_BREAKS && headBytes < MAX_HEAD_BYTES) {
    headBytes *= 4;
    rawHead = decodeHead(bytes, enc, headBytes);
    wholeInHead = bytes.length - enc.bomLength <= headBytes;
  }
  if (!wholeInHead && countBreaks(rawHead, 0, rawHead.length, detectNewline(rawHead)) < HEAD_BREAKS) {
    const over = longLinesBudget(file, bytes, enc, spec.delimiter, limits);
    if (over) return refuse(over);
  }
  const kinds = lineEndKinds(rawHead);
  let mixedLineEnds = [kinds.crlf, kinds.lf, kinds.cr].filter((k) => k > 0).length > 1;
  const newline = detectNewline(rawHead);
  if (mixedLineEnds) rawHead = normaliseLineEnds(rawHead, newline);
  const head = literaliseStrayQuotes(completeLines(rawHead, newline, wholeInHead), spec.delimiter ?? DELIMITERS.join(''), newline, limits.quotedLineBreaks, wholeInHead);
  const delimiter = spec.delimiter ?? sniffDelimiter(head, newline);
  const headRows = parseRows(head, delimiter, newline, 400);
  const hg = spec.headerLine ? { index: spec.headerLine - 1, title: '', width: 0 } : findHeader(headRows);
  const overHead = headBudget(file, headRows, hg.index, limits);
  if (overHead) return refuse(overHead, { format: 'csv', encoding: enc.encoding, delimiter, newline });
  // headerLine 0 in the spec: the user (or an earlier read) said the file has no header row.
  const headerless = spec.headerLine === 0 || (spec.headerLine == null && looksHeaderless(headRows[hg.index], headRows.slice(hg.index + 1, hg.index + 40)));
  const headerLine = headerless ? 0 : hg.index + 1;
  /** Lines up to this one are title lines and the header; data start after it. */
  const skipLines = headerless ? hg.index : headerLine;
  let headers: string[];
  if (headerless) {
    headers = headerlessHeaders(headRows.slice(hg.index, hg.index + 200), file);
    problems.push(headerlessProblem(file, headers));
  } else {
    const hh = normaliseHeaders(headRows[hg.index] ?? [], file, headerLine);
    problems.push(...hh.problems);
    headers = hh.headers;
  }
  const sample = headRows.slice(skipLines).filter((r) => !(r.length === 1 && r[0].trim() === ''));
  const decimalComma = sniffDecimalComma(sample.slice(0, PREVIEW_ROWS));
  const mapping = usableMapping(spec.mapping, headers, file, problems) ?? proposeMapping(headers, sample.slice(0, PREVIEW_ROWS));
  const detected: DetectedFormat = {
    format: 'csv',
    encoding: enc.encoding,
    encodingReason: enc.reason,
    delimiter,
    newline,
    layout: mapping.layout,
    headerLine,
    title: hg.title || undefined,
    decimalComma,
    ...(headerless ? { headerless: true } : {}),
  };
  const resolved: SourceSpec = { ...spec, format: 'csv', encoding: spec.encoding ?? enc.encoding, delimiter, mapping, headerLine };
  // Size the columns from the head's bytes per row, so a large file fills them without doubling
  // (each doubling copies every column and briefly holds both).
  const headLines = Math.max(1, countLines(head, head.length, newline));
  const estimate = Math.ceil((bytes.length / Math.max(1, head.length / headLines)) * Math.max(1, mapping.valueColumns.length) * 1.02);
  // Clearly over the budget already by the head's measure: refuse before reading.
  if (estimate > 2 * limits.values) return refuse(tooManyValues(file, estimate, limits.values, 'values', 'about'), detected);
  let bytesDone = 1;
  const builder: ObservationBuilder = new ObservationBuilder(Math.min(Math.max(1 << 14, estimate), 1 << 27), {
    file,
    maxValues: limits.values,
    maxVariables: limits.variables,
    projected: () => Math.round((builder.n * bytes.length) / Math.max(1, bytesDone)),
  });
  const mapper = new RowMapper(headers, mapping, builder, decimalComma);
  const textRows: string[][] | undefined = mapper.ready && spec.role !== 'change-table' ? undefined : [];
  let textCells = 0;
  let fffdLine = 0;

  // Rows parsed so far (== line of the last row, quoted newlines aside) and non-empty data rows.
  const counters: RowCounters = { rowIndex: 0, rows: 0 };
  let carry = '';
  let heldCr = false;
  const total = bytes.length;
  const strays: StrayQuoteCount[] = [];
  let nStrays = 0;
  const openLine = new OpenLineGuard();
  let longCell: { cell: CellLength; line: number; column: number } | null = null;
  // The hand-written reader takes the plain rows of a mapped file (nearly all rows of a large
  // Statistikkbanken download); PapaParse reads from the first line it cannot split exactly.
  const fast = fastCsvEnabled && mapper.ready && !mapper.national && !textRows && FastCsvReader.usable(delimiter, newline) ? new FastCsvReader(mapper, builder, delimiter, newline, skipLines, limits.cellChars) : null;
  // The byte reader takes whole lines from the bytes before a slice is decoded; the text path reads
  // whatever it leaves. Only while the text path holds nothing over from the last slice.
  const byteReader =
    fast && byteCsvEnabled && newline !== '\r' && ByteCsvReader.usable(delimiter, newline, enc.encoding)
      ? new ByteCsvReader(mapper, builder, delimiter, newline, skipLines, limits.cellChars, new FieldDecoder(enc), (line) => {
          if (fffdLine === 0) fffdLine = line;
        })
      : null;
  const readBytes = byteReader
    ? (start: number, end: number): number => {
        if (carry !== '' || heldCr || strays.length > 0 || longCell) return start;
        // A second byte order mark at the start: the streaming decoder drops it, so it reads that line.
        if (start === enc.bomLength && enc.encoding === 'utf-8' && bytes[start] === 0xef && bytes[start + 1] === 0xbb && bytes[start + 2] === 0xbf) return start;
        bytesDone = end;
        return byteReader.read(bytes, start, end, counters);
      }
    : undefined;
  const checkFFFD = (text: string) => {
    if (fffdLine !== 0) return;
    const k = text.indexOf('\uFFFD');
    if (k >= 0) fffdLine = counters.rowIndex + 1 + countLines(text, k, newline);
  };
  const consume = (text: string) => {
    checkFFFD(text);
    const parsed = parseRows(text, delimiter, newline);
    // A slice ending in a newline gives one trailing empty row: not a line of the file.
    const n = parsed.length > 0 && text.endsWith(newline) && isEmptyRow(parsed[parsed.length - 1]) ? parsed.length - 1 : parsed.length;
    for (let i = 0; i < n; i++) {
      const line = ++counters.rowIndex;
      const row = parsed[i];
      for (let j = 0; j < row.length; j++) if (row[j].length > limits.cellChars) throw new BudgetExceeded(cellTooLong(file, row[j].length, limits.cellChars, line, j + 1));
      if (line <= skipLines) continue;
      if (isEmptyRow(row)) continue;
      counters.rows++;
      if (textRows && textRows.length < TEXT_ROWS_MAX && textCells + row.length <= limits.values) {
        textRows.push(row);
        textCells += row.length;
      }
      if (mapper.ready) mapper.push(row, line);
    }
  };
  let lastYield = performance.now();
  try {
    // Slices end after a line feed (not for CR-only files, whose CR may be half of a CRLF).
    for (const slice of decodeSlices(bytes, enc, SLICE_BYTES, newline === '\r' ? undefined : 0x0a, readBytes)) {
      const last = slice.end >= bytes.length;
      bytesDone = slice.end;
      // Stray quotes found earlier: count the lines they would have swallowed (for the message).
      for (const sc of strays) sc.feed(slice.text);
      if (longCell) {
        // A cell over the limit: only its length is still wanted, for the message.
        longCell.cell.feed(slice.text);
        if (longCell.cell.done) break;
        continue;
      }
      let fresh = heldCr ? '\r' + slice.text : slice.text;
      heldCr = false;
      // A CR at a slice edge may be the first half of a CRLF: decided with the next slice.
      if (!last && fresh.endsWith('\r')) {
        fresh = fresh.slice(0, -1);
        heldCr = true;
      }
      if (hasForeignLineEnds(fresh, newline)) {
        fresh = normaliseLineEnds(fresh, newline);
        mixedLineEnds = true;
      }
      let text = carry + fresh;
      carry = '';
      let fastRead = slice.bytesRead;
      if (fast && text.length > 0) {
        // No quote-aware cut is needed for the fast reader: every line it accepts has balanced quotes,
        // so its newline ends a row. Whatever it leaves (an odd line onwards, the incomplete last
        // line) takes the PapaParse path below, which cuts and carries as before.
        const end = text.lastIndexOf(newline);
        const limit = last ? text.length : end < 0 ? 0 : end + newline.length;
        if (limit > 0) {
          checkFFFD(text);
          const from = fast.read(text, counters, limit);
          if (from > 0) {
            text = text.slice(from);
            fastRead = true;
          }
        }
      }
      // What PapaParse reads: stray quotes become literal characters (reported at their line).
      if (text.indexOf('"') >= 0) {
        text = literaliseStrayQuotes(text, delimiter, newline, limits.quotedLineBreaks, last, (q, t) => {
          nStrays++;
          if (strays.length < 20) {
            const sc = new StrayQuoteCount(counters.rowIndex + 1 + countBreaks(t, 0, q, newline), delimiter, newline);
            sc.feed(t, q + 1);
            strays.push(sc);
          }
        });
      }
      if (last) {
        if (text.length > 0) consume(text);
      } else {
        const cut = lastCompleteLineEnd(text, newline);
        if (cut < 0) {
          carry = text;
          if (fastRead) openLine.reset();
          // No line end yet: a cell over the limit is caught here, before the line grows further.
          const long = text.length > limits.cellChars ? openLine.check(text, delimiter, limits.cellChars) : null;
          if (long) {
            const cell = new CellLength(delimiter, long.quoted);
            cell.feed(text, long.start);
            longCell = { cell, line: counters.rowIndex + 1, column: long.field + 1 };
            carry = '';
            if (cell.done) break;
          }
        } else {
          openLine.reset();
          carry = text.slice(cut);
          consume(text.slice(0, cut));
        }
      }
      opts.onProgress?.({ fraction: total === 0 ? 1 : slice.end / total, bytes: slice.end, totalBytes: total, rows: counters.rows, label: file });
      if (!last && performance.now() - lastYield >= YIELD_EVERY_MS) {
        await nextTask();
        lastYield = performance.now();
        if (opts.cancelled?.()) return cancelledSource(resolved, detected, bytes.length);
      }
    }
  } catch (err) {
    if (err instanceof BudgetExceeded) return refuse(err.problem, detected);
    throw err;
  }
  if (longCell) return refuse(cellTooLong(file, longCell.cell.chars, limits.cellChars, longCell.line, longCell.column), detected);

  if (mixedLineEnds) {
    problems.push(
      problem('mixed-line-ends', `${file}: fila blander linjeskift av ulike slag (CR, LF og CRLF); alle er lest som linjeskift.`, `${file}: the file mixes kinds of line breaks (CR, LF and CRLF); all were read as line breaks.`, { file }, 'info'),
    );
  }
  if (nStrays > 0) {
    const first = strays[0];
    const swallowed = first.closed ? `${groupDigits(first.breaks, 'nb')} linjer` : `resten av fila (${groupDigits(first.breaks, 'nb')} linjer)`;
    const swallowedEn = first.closed ? `${groupDigits(first.breaks, 'en')} lines` : `the rest of the file (${groupDigits(first.breaks, 'en')} lines)`;
    const more = nStrays > 1 ? ` (${nStrays} slike anførselstegn i alt)` : '';
    const moreEn = nStrays > 1 ? ` (${nStrays} such quotes in all)` : '';
    problems.push(
      problem(
        'stray-quote',
        `${file}, linje ${first.line}: et anførselstegn åpner et felt uten å lukke det, og ville slukt ${swallowed}${more}. Det er lest som et vanlig tegn, så ingen rader forsvinner; sjekk raden.`,
        `${file}, line ${first.line}: a quote opens a field without closing it and would have swallowed ${swallowedEn}${moreEn}. It was read as an ordinary character, so no rows are lost; check the row.`,
        { file, line: first.line },
        'warning',
      ),
    );
  }
  if (fffdLine > 0) problems.push(uFFFDProblem(file, fffdLine));
  const rows = counters.rows;
  if (rows === 0) {
    problems.push(
      problem('no-rows', `${file}: fila har bare overskrift (linje ${headerLine}) og ingen datarader.`, `${file}: the file has only a header (line ${headerLine}) and no data rows.`, { file, line: headerLine }),
    );
  } else if (!mapper.ready) {
    problems.push(
      problem(
        mapping.unitColumn === null ? 'no-unit-column' : 'no-value-columns',
        mapping.unitColumn === null
          ? `${file}: fant ingen kolonne med kommunenummer. Velg kommunekolonnen i koblingssteget.`
          : `${file}: fant ingen kolonner med tall. Fila er lest som en teksttabell (f.eks. en endringstabell fra Klass).`,
        mapping.unitColumn === null
          ? `${file}: found no column with municipality numbers. Choose the municipality column in the mapping step.`
          : `${file}: found no columns with numbers. The file was read as a text table (e.g. a Klass change table).`,
        { file, line: headerLine },
        mapping.unitColumn === null ? 'error' : 'info',
      ),
    );
  } else {
    if (mapper.national) problems.push(nationalProblem(file));
    problems.push(...mapperProblems(file, mapper));
    const aggregates = mapper.aggregateList();
    problems.push(...noDataProblems(file, builder, aggregates.length, aggregates.some((a) => a.kind === 'district')));
  }
  const preview = headRows.slice(skipLines, skipLines + 20);
  const hasError = problems.some((p) => p.severity === 'error');
  if (headers.length === 0) return failedSource(resolved, detected, problems, bytes.length);
  return {
    spec: resolved,
    detected,
    status: hasError && builder.n === 0 ? 'error' : 'ok',
    headers,
    preview,
    units: builder.units,
    unitNames: builder.unitNames,
    variables: builder.variables,
    obs: builder.finish(),
    aggregates: mapper.aggregateList(),
    invalidCells: mapper.invalidCells,
    nInvalid: mapper.nInvalid,
    outOfRange: mapper.outOfRange,
    nOutOfRange: mapper.nOutOfRange,
    dropped: mapper.droppedRows(),
    badUnits: mapper.badUnits,
    ...(mapper.national ? { national: true } : {}),
    textRows,
    stats: { bytes: bytes.length, rows },
    problems,
  };
}

function isEmptyRow(r: string[]): boolean {
  return r.length === 1 && r[0].trim() === '';
}

function countLines(text: string, upTo: number, newline: string): number {
  let n = 0;
  const nl = newline === '\r' ? '\r' : '\n';
  for (let i = text.indexOf(nl); i >= 0 && i < upTo; i = text.indexOf(nl, i + 1)) n++;
  return n;
}
