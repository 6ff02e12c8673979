/**
 * Byte reader: the fast CSV reader (fastCsv.ts) working on the file's bytes instead of decoded
 * text. Decoding the whole file (TextDecoder) was about a third of reading a large Statistikkbanken
 * download, though its labels (regions, functions, years) repeat millions of times: here separators,
 * quotes and line ends are found on bytes, a label is recognised by its raw bytes (ByteFieldTable)
 * and decoded only the first time it appears, and numbers are read from their ASCII bytes.
 *
 * It must read exactly what the text path reads, so it takes only lines it can read without doubt
 * and stops at the first other one; csv.ts decodes the rest of the slice and gives it to the text
 * path (the text reader, then PapaParse), which reads it as before. It stops at: a line without its
 * line end in the slice, a CR that is not part of the line end (mixed line ends are normalised by the
 * text path), a quote the text reader would not accept, a line longer in bytes than the cell limit
 * in characters. Every byte ≥ 0x80 is decoded once, so a tentative UTF-8 guess is still confirmed
 * (a fatal decoder throws NotUtf8Error) and U+FFFD is still found at its line: labels when they are
 * first seen (a label seen again is the same bytes), any other field holding such a byte at once.
 *
 * Only for LF and CRLF files in UTF-8 or a single-byte code page, whose delimiter, quotes, line ends
 * and digits are the ASCII bytes, which never occur inside another character.
 */
import { Missing } from '../engine/table';
import { parseCell, type ParsedCell } from './cells';
import { ByteFieldTable, hashBytes } from './fast/byteFieldTable';
import { NON_ASCII, parseSpanBytes, scanNumberBytes } from './fast/numberBytes';
import { UNREAD } from './fast/numberField';
import { RowTyper, type RowCells } from './fast/rowTyper';
import type { FieldDecoder } from './decode';
import { isBlank, type RowCounters } from './fastCsv';
import type { ObservationBuilder } from './observations';
import type { RowMapper, ValueCol } from './tabular';

export class ByteCsvReader implements RowCells {
  private readonly delim: number;
  private readonly width: number;
  private readonly crlf: boolean;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private readonly tables: (ByteFieldTable | null)[];
  private readonly cur: Int32Array;
  private readonly isValue: Uint8Array;
  private readonly values: Float64Array;
  private readonly codes: Int8Array;
  private readonly decimalComma: boolean;
  private readonly typer: RowTyper;
  /** The file's bytes while a slice is read (for the RowCells methods). */
  private bytes: Uint8Array = new Uint8Array(0);
  /** Line of the row being split (for U+FFFD found while splitting it). */
  private line = 0;
  /** Set by split: where the line ends (its LF, or the CR of its CRLF). */
  private lineEnd = 0;

  static usable(delimiter: string, newline: string, encoding: string): boolean {
    const d = delimiter.charCodeAt(0);
    return (
      delimiter.length === 1 &&
      d < 0x80 &&
      d !== 34 &&
      d !== 10 &&
      d !== 13 &&
      (newline === '\n' || newline === '\r\n') &&
      (encoding === 'utf-8' || encoding === 'windows-1252' || encoding === 'macintosh')
    );
  }

  constructor(
    private readonly mapper: RowMapper,
    builder: ObservationBuilder,
    delimiter: string,
    newline: string,
    private readonly headerLine: number,
    private readonly maxCell: number,
    private readonly decoder: FieldDecoder,
    /** Called with the line of every decoded field holding U+FFFD. */
    private readonly onFFFD: (line: number) => void,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.crlf = newline === '\r\n';
    this.width = mapper.headers.length;
    this.tables = new Array<ByteFieldTable | null>(this.width).fill(null);
    for (const j of [mapper.unitIdx, mapper.nameIdx, mapper.yearIdx, ...mapper.dimIdx]) {
      if (j >= 0 && j < this.width) this.tables[j] ??= new ByteFieldTable();
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
   * Reads the whole lines of bytes[from, to) (a line starts at from). Returns to when all were
   * read, else the start of the first line the text path must read.
   */
  read(bytes: Uint8Array, from: number, to: number, c: RowCounters): number {
    const nlLen = this.crlf ? 2 : 1;
    this.bytes = bytes;
    let pos = from;
    while (pos < to) {
      this.line = c.rowIndex + 1;
      const nf = this.split(bytes, pos, to);
      if (nf < 0) return pos;
      // Characters never outnumber bytes: a line within the limit in bytes has no cell over it.
      if (this.lineEnd - pos > this.maxCell) return pos;
      pos = this.lineEnd + nlLen;
      const line = ++c.rowIndex;
      if (line <= this.headerLine) continue;
      if (nf === 1 && this.blank(bytes)) continue;
      c.rows++;
      if (nf !== this.width || !this.typer.push(this, this.cur, this.values, this.codes, line)) this.mapper.push(this.fields(bytes, nf), line);
    }
    return pos;
  }

  /** The one field of a line is white space (as String.prototype.trim sees it). */
  private blank(bytes: Uint8Array): boolean {
    const t = this.decoder.decode(bytes, this.starts[0], this.ends[0]);
    return isBlank(t, 0, t.length);
  }

  /** Decodes bytes[s, e), reporting U+FFFD at the current line. */
  private decode(bytes: Uint8Array, s: number, e: number): string {
    const t = this.decoder.decode(bytes, s, e);
    if (t.indexOf('\uFFFD') >= 0) this.onFFFD(this.line);
    return t;
  }

  /** Decodes bytes[s, e) when it holds a byte ≥ 0x80: validates it and finds U+FFFD. */
  private check(bytes: Uint8Array, s: number, e: number): void {
    for (let k = s; k < e; k++) {
      if (bytes[k] >= 0x80) {
        this.decode(bytes, s, e);
        return;
      }
    }
  }

  /**
   * Splits the line at s into field spans as FastCsvReader.split does text, finding its end on the
   * way (`lineEnd`: its LF, or the CR of its CRLF, before to); -1 when the text path must read it.
   * In a full-width row every label column's `cur` describes this row's field.
   */
  private split(bytes: Uint8Array, s: number, to: number): number {
    const delim = this.delim;
    const last = this.width - 1;
    let k = 0;
    let p = s;
    for (;;) {
      if (k === this.starts.length) this.growFields();
      const table = k <= last ? this.tables[k] : null;
      if (table !== null) {
        const en = this.matchLabel(table, k, bytes, p, to, k === last);
        if (en >= 0) {
          const n = table.lengths[en];
          const q = table.quoted[en];
          this.starts[k] = p + q;
          this.ends[k] = p + n - q - (k === last ? 0 : 1);
          if (k === last) {
            this.lineEnd = p + n;
            return k + 1;
          }
          k++;
          p += n;
          continue;
        }
      }
      // `next`: what ends the field, the delimiter or the line end.
      let next: number;
      let quoted = false;
      if (p < to && bytes[p] === 34) {
        let q = p + 1;
        for (; q < to; q++) {
          const b = bytes[q];
          if (b === 34) break;
          if (b === 10 || b === 13) return -1; // a quoted line break, or a foreign line end
        }
        if (q >= to) return -1;
        this.starts[k] = p + 1;
        this.ends[k] = q;
        next = q + 1;
        quoted = true;
        if (k <= last) this.codes[k] = UNREAD;
      } else if (k <= last && this.isValue[k] === 1) {
        const q = scanNumberBytes(bytes, p, to, delim, this.decimalComma, this.values, this.codes, k);
        if (q < 0) return -1;
        this.starts[k] = p;
        this.ends[k] = q;
        next = q;
      } else {
        let q = p;
        for (; q < to; q++) {
          const b = bytes[q];
          if (b === delim || b === 10 || b === 13) break;
          if (b === 34) return -1;
        }
        this.starts[k] = p;
        this.ends[k] = q;
        next = q;
      }
      if (next >= to) return -1; // no line end in the slice (the file's last line): the text path
      const b = bytes[next];
      let atEnd = false;
      if (b !== delim) {
        // Text after a closing quote, or a line end of another kind (the text path normalises it).
        if (this.crlf ? b !== 13 || bytes[next + 1] !== 10 : b !== 10) return -1;
        atEnd = true;
      }
      if (table !== null && k === last && atEnd) this.lookUp(table, k, bytes, p, next, quoted);
      else if (table !== null && k < last && !atEnd) this.lookUp(table, k, bytes, p, next + 1, quoted);
      else if (k > last || this.isValue[k] === 0 || this.codes[k] === NON_ASCII || quoted) this.check(bytes, this.starts[k], this.ends[k]);
      if (atEnd) {
        this.lineEnd = next;
        return k + 1;
      }
      k++;
      p = next + 1;
    }
  }

  private matchLabel(table: ByteFieldTable, k: number, bytes: Uint8Array, p: number, to: number, isLast: boolean): number {
    const c = this.cur[k];
    if (c < 0) return -1;
    if (this.fits(table, c, bytes, p, to, isLast)) return c;
    const next = table.successor[c];
    if (next >= 0 && this.fits(table, next, bytes, p, to, isLast)) {
      this.cur[k] = next;
      return next;
    }
    return -1;
  }

  /**
   * True when entry en stands at p, followed by the delimiter (which its raw bytes end with) or, in
   * the last column, by the line end, before to. Its bytes hold no line break, so a match never
   * runs past a line end.
   */
  private fits(table: ByteFieldTable, en: number, bytes: Uint8Array, p: number, to: number, isLast: boolean): boolean {
    const end = p + table.lengths[en];
    if (isLast) {
      if (end >= to || (this.crlf ? bytes[end] !== 13 || bytes[end + 1] !== 10 : bytes[end] !== 10)) return false;
    } else if (end > to || bytes[end - 1] !== this.delim) return false;
    return table.matchesAt(en, bytes, p);
  }

  /** Finds or adds the raw bytes bytes[p, t) of column k (decoding a new one) as its current entry. */
  private lookUp(table: ByteFieldTable, k: number, bytes: Uint8Array, p: number, t: number, quoted: boolean): void {
    const h = hashBytes(bytes, p, t);
    let en = table.find(bytes, p, t, h);
    if (en < 0) en = table.add(bytes, p, t, h, quoted, this.decode(bytes, this.starts[k], this.ends[k]));
    const prev = this.cur[k];
    if (prev >= 0 && prev !== en) table.successor[prev] = en;
    this.cur[k] = en;
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

  private fields(bytes: Uint8Array, nf: number): string[] {
    const row = new Array<string>(nf);
    for (let k = 0; k < nf; k++) row[k] = this.decoder.decode(bytes, this.starts[k], this.ends[k]);
    return row;
  }

  /** The content of label column j in a full-width row (decoded when the label was first seen). */
  label(j: number): string {
    return (this.tables[j] as ByteFieldTable).texts[this.cur[j]];
  }

  rowStrings(): string[] {
    return this.fields(this.bytes, this.width);
  }

  readValue(j: number, vc: ValueCol, line: number): ParsedCell {
    const s = this.starts[j];
    const e = this.ends[j];
    const cell = this.codes[j] === NON_ASCII ? null : parseSpanBytes(this.bytes, s, e, this.decimalComma);
    if (cell !== null) return cell;
    const t = this.decoder.decode(this.bytes, s, e);
    const parsed = parseCell(t, this.decimalComma);
    if (parsed.missing === Missing.invalid) this.mapper.noteInvalid(line, vc, t);
    return parsed;
  }
}
