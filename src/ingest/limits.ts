/**
 * Budgets: how much one input may expand to, checked BEFORE the memory is allocated. A 1.6 KB
 * .xlsx with one cell at XFD1048576, or a 24 KB JSON-stat whose dimension sizes multiply to 10^9,
 * used to take the browser tab and the CLI down; now every reader compares what the input would
 * become with these limits and refuses with a message that names the file, the limit and the number
 * it would have needed. The same constants apply in the browser (worker) and the CLI, and
 * README.md («Limits») documents them.
 */
import { problem, type Problem } from '../engine/problem';

/** Largest file read at all (the bytes are held in memory while they are read). */
export const MAX_FILE_BYTES = 500 * 1024 * 1024;
/** JSON (and JSON-stat) is parsed whole, into objects several times the size of the text. */
export const MAX_JSON_BYTES = 100 * 1024 * 1024;
/** Uncompressed size of all parts of an .xlsx (zip) together, as its directory declares them. */
export const MAX_XLSX_UNPACKED_BYTES = 200 * 1024 * 1024;
/** Columns of one table: Excel's widest sheet (XFD). */
export const MAX_COLUMNS = 16_384;
/** Characters in one cell: Excel's longest cell. */
export const MAX_CELL_CHARS = 32_767;
/**
 * Values one file may become (municipality × year × variable observations, 25 bytes each), and
 * cells of a sheet or of a JSON-stat cube: about 1 GB of typed arrays at the limit. A 500 MB
 * Statistikkbanken CSV in long form holds about 7 million values.
 */
export const MAX_VALUES = 40_000_000;
/** Variables one file may become (each a column of the dataset and a line of the catalogue). */
export const MAX_VARIABLES = 20_000;
/** Cells of the joined dataset (rows × variables, 15 bytes each while it is built). */
export const MAX_DATASET_CELLS = 40_000_000;
/**
 * A quoted field may hold line breaks (RFC 4180: notes in Klass tables), but a quote still open
 * after this many line breaks is taken as a stray (unbalanced) quote: see csvQuotes.ts.
 */
export const MAX_QUOTED_LINE_BREAKS = 100;

export interface IngestLimits {
  fileBytes: number;
  jsonBytes: number;
  xlsxUnpackedBytes: number;
  columns: number;
  cellChars: number;
  values: number;
  variables: number;
  datasetCells: number;
  quotedLineBreaks: number;
}

export const LIMITS: Readonly<IngestLimits> = Object.freeze({
  fileBytes: MAX_FILE_BYTES,
  jsonBytes: MAX_JSON_BYTES,
  xlsxUnpackedBytes: MAX_XLSX_UNPACKED_BYTES,
  columns: MAX_COLUMNS,
  cellChars: MAX_CELL_CHARS,
  values: MAX_VALUES,
  variables: MAX_VARIABLES,
  datasetCells: MAX_DATASET_CELLS,
  quotedLineBreaks: MAX_QUOTED_LINE_BREAKS,
});

/** The limits in force: the constants, or (tests only) smaller ones. */
export function resolveLimits(over?: Partial<IngestLimits>): IngestLimits {
  return over ? { ...LIMITS, ...over } : LIMITS;
}

/** `1 234 567` (bokmål, no-break spaces) or `1,234,567`; no Intl, so it is the same in Node and the worker. */
export function groupDigits(n: number, lang: 'nb' | 'en'): string {
  const s = String(Math.round(Math.abs(n)));
  const sep = lang === 'nb' ? '\u00a0' : ',';
  const out = s.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
  return n < 0 ? `${lang === 'nb' ? '−' : '-'}${out}` : out;
}

function megabytes(bytes: number, lang: 'nb' | 'en'): string {
  const mb = bytes / (1024 * 1024);
  const t = mb >= 10 ? String(Math.round(mb)) : mb.toFixed(1);
  return `${lang === 'nb' ? t.replace('.', ',') : t} MB`;
}

/** Thrown inside a reader when a budget would be exceeded; ingestFile turns it into a failed source. */
export class BudgetExceeded extends Error {
  constructor(readonly problem: Problem) {
    super(problem.messageEn);
  }
}

const advice = {
  nb: 'Del fila opp (f.eks. per år) eller velg færre variabler i Statistikkbanken.',
  en: 'Split the file (e.g. by year) or select fewer variables in Statistikkbanken.',
};

export function checkFileSize(file: string, bytes: number, limit = MAX_FILE_BYTES): Problem | null {
  if (bytes <= limit) return null;
  return problem(
    'file-too-large',
    `${file}: fila er ${megabytes(bytes, 'nb')}, mer enn grensen på ${megabytes(limit, 'nb')}. ${advice.nb}`,
    `${file}: the file is ${megabytes(bytes, 'en')}, more than the ${megabytes(limit, 'en')} limit. ${advice.en}`,
    { file },
  );
}

export function jsonTooLarge(file: string, bytes: number, limit: number): Problem {
  return problem(
    'json-too-large',
    `${file}: JSON-fila er ${megabytes(bytes, 'nb')}; JSON leses i ett stykke, og grensen er ${megabytes(limit, 'nb')}. Last ned tabellen som CSV i stedet, eller del den opp.`,
    `${file}: the JSON file is ${megabytes(bytes, 'en')}; JSON is read in one piece and the limit is ${megabytes(limit, 'en')}. Download the table as CSV instead, or split it.`,
    { file },
  );
}

export function xlsxTooLarge(file: string, bytes: number, limit: number): Problem {
  return problem(
    'xlsx-too-large',
    `${file}: Excel-fila pakkes ut til ${megabytes(bytes, 'nb')}, mer enn grensen på ${megabytes(limit, 'nb')}. Lagre arket som CSV, eller del det opp.`,
    `${file}: the Excel file unpacks to ${megabytes(bytes, 'en')}, more than the ${megabytes(limit, 'en')} limit. Save the sheet as CSV, or split it.`,
    { file },
  );
}

export function tooManyColumns(file: string, columns: number, limit: number, line?: number): Problem {
  const at = line ? `, linje ${line}` : '';
  const atEn = line ? `, line ${line}` : '';
  return problem(
    'too-many-columns',
    `${file}${at}: tabellen har ${groupDigits(columns, 'nb')} kolonner; grensen er ${groupDigits(limit, 'nb')}. ${advice.nb}`,
    `${file}${atEn}: the table has ${groupDigits(columns, 'en')} columns; the limit is ${groupDigits(limit, 'en')}. ${advice.en}`,
    line ? { file, line } : { file },
  );
}

export function cellTooLong(file: string, chars: number, limit: number, line: number, column: number): Problem {
  return problem(
    'cell-too-long',
    `${file}, linje ${line}, kolonne ${column}: en celle på ${groupDigits(chars, 'nb')} tegn; grensen er ${groupDigits(limit, 'nb')} tegn per celle. Fila er ikke en vanlig datatabell, eller et anførselstegn mangler.`,
    `${file}, line ${line}, column ${column}: a cell of ${groupDigits(chars, 'en')} characters; the limit is ${groupDigits(limit, 'en')} characters per cell. The file is not an ordinary data table, or a quote is missing.`,
    { file, line, column: String(column) },
  );
}

/** How exact the number needed is: counted, a lower bound, or projected from the part read so far. */
export type Needed = 'exact' | 'at-least' | 'about';
const neededWord = { exact: ['', ''], 'at-least': ['minst ', 'at least '], about: ['omtrent ', 'about '] } as const;

/** `what` names what would be too many: values of the file, cells of a sheet or a JSON-stat cube. */
export function tooManyValues(file: string, needed: number, limit: number, what: 'values' | 'sheet-cells' | 'cube-cells', how: Needed = 'exact'): Problem {
  const nb = { values: 'verdier', 'sheet-cells': 'celler i arket', 'cube-cells': 'celler (produktet av dimensjonsstørrelsene)' }[what];
  const en = { values: 'values', 'sheet-cells': 'cells in the sheet', 'cube-cells': 'cells (the product of the dimension sizes)' }[what];
  return problem(
    'too-many-values',
    `${file}: fila ville gitt ${neededWord[how][0]}${groupDigits(needed, 'nb')} ${nb}; grensen er ${groupDigits(limit, 'nb')}. ${advice.nb}`,
    `${file}: the file would become ${neededWord[how][1]}${groupDigits(needed, 'en')} ${en}; the limit is ${groupDigits(limit, 'en')}. ${advice.en}`,
    { file },
  );
}

export function tooManyVariables(file: string, needed: number, limit: number, how: Needed = 'exact'): Problem {
  return problem(
    'too-many-variables',
    `${file}: fila ville gitt ${neededWord[how][0]}${groupDigits(needed, 'nb')} variabler; grensen er ${groupDigits(limit, 'nb')}. ${advice.nb}`,
    `${file}: the file would become ${neededWord[how][1]}${groupDigits(needed, 'en')} variables; the limit is ${groupDigits(limit, 'en')}. ${advice.en}`,
    { file },
  );
}

export function datasetTooLarge(rows: number, variables: number, limit: number): Problem {
  const cells = rows * variables;
  return problem(
    'dataset-too-large',
    `Datasettet ville fått ${groupDigits(rows, 'nb')} rader × ${groupDigits(variables, 'nb')} variabler = ${groupDigits(cells, 'nb')} celler; grensen er ${groupDigits(limit, 'nb')}. Fjern en fil eller velg færre variabler; filene er ikke slått sammen.`,
    `The dataset would have ${groupDigits(rows, 'en')} rows × ${groupDigits(variables, 'en')} variables = ${groupDigits(cells, 'en')} cells; the limit is ${groupDigits(limit, 'en')}. Remove a file or select fewer variables; the files were not joined.`,
  );
}
