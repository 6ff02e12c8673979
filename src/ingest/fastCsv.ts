/**
 * Fast path of the CSV reader for the rows large Statistikkbanken files consist of: quoted labels
 * (`"0301 Oslo";"244 Barnevern";"2023";1234,5`) and unquoted numbers, one row per line.
 *
 * Why not PapaParse here: PapaParse returns every row as an array of fresh strings, and at 150 MB
 * that garbage (plus a Map lookup per label) kept ingest at ~6 MB/s. This reader walks the decoded
 * text in place and writes the values straight into the typed arrays of the ObservationBuilder.
 *
 * Labels are recognised as whole raw fields (see RawFieldTable): the field of the row above, or the
 * one that followed it last time, is confirmed with one native in-place match, which also tells
 * where the field ends, so a repeated label needs neither splitting nor a lookup. What a raw field
 * means (unit, year, dimension id) is resolved once per distinct raw text and kept per role
 * (EntryValues). Numbers are read while their field is scanned (`scanNumberField`). The hot loop
 * allocates nothing: per-row garbage, even small, raised peak memory at 150 MB by way of the
 * garbage collector.
 *
 * It only accepts what it can split exactly as PapaParse would: a field is either unquoted without
 * any `"`, or `"…"` without an inner quote and followed directly by the delimiter or the line end.
 * A raw field matched again is the same text, so it splits the same way. At the first line it
 * cannot split it stops and returns that position; csv.ts gives the rest of the slice to PapaParse
 * (escaped `""`, quoted line breaks, stray quotes keep their old handling). Rows it can split but
 * that need reporting (ragged rows, unreadable municipalities, bad years) or that introduce a new
 * variable are built as string arrays and go through `RowMapper.push` as before, so there is one
 * implementation of those rules.
 */
import { Missing } from '../engine/table';
import { parseCell, parseCellSpan, type ParsedCell } from './cells';
import { scanNumberField, UNREAD } from './fast/numberField';
import { hashSpan, RawFieldTable } from './fast/rawFieldTable';
import { RowTyper, type RowCells } from './fast/rowTyper';
import { MAX_CELL_CHARS } from './limits';
import type { ObservationBuilder } from './observations';
import type { RowMapper, ValueCol } from './tabular';

export interface RowCounters {
  /** Rows parsed so far (== line of the last row; quoted line breaks aside, as in csv.ts). */
  rowIndex: number;
  /** Non-empty data rows. */
  rows: number;
}

export class FastCsvReader implements RowCells {
  private readonly delim: number;
  private readonly width: number;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  /** Per column: the table of its raw fields when the mapping reads it as a label, else null. */
  private readonly tables: (RawFieldTable | null)[];
  /** Per column: the table entry of its field in the current (or last split) row, -1 none. */
  private readonly cur: Int32Array;
  /** Per column: 1 for a value column read while it is scanned (`scanNumberField`). */
  private readonly isValue: Uint8Array;
  /** Per column: the value and missing code read from the current row's field, or UNREAD. */
  private readonly values: Float64Array;
  private readonly codes: Int8Array;
  private readonly decimalComma: boolean;
  private readonly typer: RowTyper;
  /** The text being read (for the RowCells methods). */
  private text = '';

  static usable(delimiter: string, newline: string): boolean {
    return delimiter.length === 1 && delimiter !== '"' && delimiter !== '\n' && delimiter !== '\r' && (newline === '\n' || newline === '\r\n' || newline === '\r');
  }

  constructor(
    private readonly mapper: RowMapper,
    builder: ObservationBuilder,
    delimiter: string,
    private readonly newline: string,
    /** Lines up to this one (title lines, the header) are not data. */
    private readonly headerLine: number,
    /** Cells longer than this (limits.ts) are left to the PapaParse path, which refuses the file. */
    private readonly maxCell = MAX_CELL_CHARS,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.width = mapper.headers.length;
    this.tables = new Array<RawFieldTable | null>(this.width).fill(null);
    for (const j of [mapper.unitIdx, mapper.nameIdx, mapper.yearIdx, ...mapper.dimIdx]) {
      if (j >= 0 && j < this.width) this.tables[j] ??= new RawFieldTable(j < this.width - 1);
    }
    this.cur = new Int32Array(Math.max(this.width, 1)).fill(-1);
    this.isValue = new Uint8Array(Math.max(this.width, 1));
    for (const vc of mapper.valueCols) if (this.tables[vc.idx] === null) this.isValue[vc.idx] = 1;
    this.values = new Float64Array(Math.max(this.width, 1));
    this.codes = new Int8Array(Math.max(this.width, 1)).fill(UNREAD);
    this.decimalComma = mapper.decimalComma;
    this.typer = new RowTyper(mapper, builder);
  }

  /**
   * Reads the lines of text[0, limit) (limit is just after a newline, or the end of the file, where
   * the last line may lack its newline). Returns limit when all were read, else the start of the
   * first line PapaParse must read.
   */
  read(text: string, c: RowCounters, limit: number): number {
    const nl = this.newline;
    const nlLen = nl.length;
    this.text = text;
    let pos = 0;
    while (pos < limit) {
      let lineEnd = text.indexOf(nl, pos);
      if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
      const nf = this.split(text, pos, lineEnd);
      if (nf < 0) return pos;
      if (lineEnd - pos > this.maxCell && this.hasLongField(nf)) return pos;
      pos = lineEnd + nlLen;
      const line = ++c.rowIndex;
      if (line <= this.headerLine) continue;
      if (nf === 1 && isBlank(text, this.starts[0], this.ends[0])) continue;
      c.rows++;
      if (nf !== this.width || !this.typer.push(this, this.cur, this.values, this.codes, line)) this.mapper.push(this.fields(text, nf), line);
    }
    return limit;
  }

  /**
   * Splits text[s, e) into field spans; -1 when PapaParse might split it differently. Label fields
   * are matched whole first (`matchLabel`); other quoted fields are found with the native indexOf.
   * In a full-width row every label column's `cur` ends up describing this row's field.
   */
  private split(text: string, s: number, e: number): number {
    const delim = this.delim;
    const last = this.width - 1;
    let k = 0;
    let p = s;
    for (;;) {
      if (k === this.starts.length) this.growFields();
      const table = k <= last ? this.tables[k] : null;
      if (table !== null) {
        const en = this.matchLabel(table, k, text, p, e, k === last);
        if (en >= 0) {
          const n = table.lengths[en];
          const q = table.quoted[en];
          this.starts[k] = p + q;
          this.ends[k] = p + n - q - (k === last ? 0 : 1);
          if (k === last) return k + 1;
          k++;
          p += n;
          continue;
        }
      }
      let next: number;
      let quoted = false;
      if (p < e && text.charCodeAt(p) === 34) {
        const q = text.indexOf('"', p + 1);
        if (q < 0 || q >= e) return -1; // closing quote on a later line, or none: PapaParse decides
        const after = q + 1;
        if (after < e && text.charCodeAt(after) !== delim) return -1; // `""` escape or text after the quote
        this.starts[k] = p + 1;
        this.ends[k] = q;
        next = after;
        quoted = true;
        if (k <= last) this.codes[k] = UNREAD;
      } else if (k <= last && this.isValue[k] === 1) {
        const q = scanNumberField(text, p, e, delim, this.decimalComma, this.values, this.codes, k);
        if (q < 0) return -1;
        this.starts[k] = p;
        this.ends[k] = q;
        next = q;
      } else {
        let q = p;
        for (; q < e; q++) {
          const ch = text.charCodeAt(q);
          if (ch === delim) break;
          if (ch === 34) return -1;
        }
        this.starts[k] = p;
        this.ends[k] = q;
        next = q;
      }
      if (table !== null) {
        // The raw text as the column's tables keep it: with the delimiter, but for the last column.
        if (k === last && next >= e) this.lookUp(table, k, text, p, e, quoted);
        else if (k < last && next < e) this.lookUp(table, k, text, p, next + 1, quoted);
      }
      if (next >= e) return k + 1;
      k++;
      p = next + 1;
    }
  }

  /**
   * Entry of column k's field at p when it is the column's previous entry or that entry's usual
   * successor, else -1. A match must lie within the line and, in the last column, end with it.
   */
  private matchLabel(table: RawFieldTable, k: number, text: string, p: number, e: number, isLast: boolean): number {
    const c = this.cur[k];
    if (c < 0) return -1;
    if (fits(table, c, text, p, e, isLast, this.delim)) return c;
    const next = table.successor[c];
    if (next >= 0 && fits(table, next, text, p, e, isLast, this.delim)) {
      this.cur[k] = next;
      return next;
    }
    return -1;
  }

  /** Finds or adds the raw text text[p, t) of column k and makes it the column's current entry. */
  private lookUp(table: RawFieldTable, k: number, text: string, p: number, t: number, quoted: boolean): void {
    // The content suffices as a hash (the lookup compares the whole raw text): no quotes to hash.
    const h = hashSpan(text, this.starts[k], this.ends[k]);
    let en = table.find(text, p, t, h);
    if (en < 0) en = table.add(text, p, t, h, quoted);
    const prev = this.cur[k];
    if (prev >= 0 && prev !== en) table.successor[prev] = en;
    this.cur[k] = en;
  }

  private hasLongField(nf: number): boolean {
    for (let k = 0; k < nf; k++) if (this.ends[k] - this.starts[k] > this.maxCell) return true;
    return false;
  }

  private growFields(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
  }

  private cell(text: string, j: number): string {
    return text.slice(this.starts[j], this.ends[j]);
  }

  label(j: number): string {
    return this.cell(this.text, j);
  }

  rowStrings(): string[] {
    return this.fields(this.text, this.width);
  }

  private fields(text: string, nf: number): string[] {
    const row = new Array<string>(nf);
    for (let k = 0; k < nf; k++) row[k] = text.slice(this.starts[k], this.ends[k]);
    return row;
  }

  readValue(j: number, vc: ValueCol, line: number): ParsedCell {
    const cell = parseCellSpan(this.text, this.starts[j], this.ends[j], this.decimalComma);
    if (cell !== null) return cell;
    const t = this.cell(this.text, j);
    const parsed = parseCell(t, this.decimalComma);
    if (parsed.missing === Missing.invalid) this.mapper.noteInvalid(line, vc, t);
    return parsed;
  }
}

/**
 * True when entry en of the table stands at p, within the line [.., e) (and ending it if last). A
 * changed field usually differs in length, which the delimiter's position shows, or in its last or
 * middle character: these are checked before the match.
 */
function fits(table: RawFieldTable, en: number, text: string, p: number, e: number, isLast: boolean, delim: number): boolean {
  const n = table.lengths[en];
  const end = p + n;
  if (isLast ? end !== e : end > e || text.charCodeAt(end - 1) !== delim) return false;
  if (text.charCodeAt(p + table.tailOffsets[en]) !== table.tails[en]) return false;
  return text.charCodeAt(p + (n >> 1)) === table.middles[en] && table.matchesAt(en, text, p);
}

export function isBlank(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const ch = text.charCodeAt(k);
    // String.prototype.trim's white space for the characters a CSV line can hold.
    if (!(ch === 32 || ch === 9 || ch === 10 || ch === 11 || ch === 12 || ch === 13 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x202f || ch === 0x205f || ch === 0x3000)) return false;
  }
  return true;
}
