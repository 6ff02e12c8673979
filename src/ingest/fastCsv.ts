/**
 * Fast path of the CSV reader for the rows large Statistikkbanken files consist of: quoted labels
 * (`"0301 Oslo";"244 Barnevern";"2023";1234,5`) and unquoted numbers, one row per line.
 *
 * Why not PapaParse here: PapaParse returns every row as an array of fresh strings, and at 150 MB
 * that garbage (plus a Map lookup per label) kept ingest at ~6 MB/s. This reader scans the decoded
 * text with charCodeAt, hashes the label cells while it scans, and looks them up in per-column
 * intern tables that compare characters in place, so a row whose labels were seen before allocates
 * nothing; numbers are read in place by `parseCellSpan`. The values go straight into the typed
 * arrays of the ObservationBuilder.
 *
 * It only accepts what it can split exactly as PapaParse would: a field is either unquoted without
 * any `"`, or `"…"` without an inner quote and followed directly by the delimiter or the line end.
 * At the first line it cannot split it stops and returns that position; csv.ts gives the rest of the
 * slice to PapaParse (escaped `""`, quoted line breaks, stray quotes keep their old handling). Rows
 * it can split but that need reporting (ragged rows, unreadable municipalities, bad years) or that
 * introduce a new variable are built as string arrays and go through `RowMapper.push` as before, so
 * there is one implementation of those rules.
 */
import { Missing, type MissingCode } from '../engine/table';
import { parseCell, parseCellSpan } from './cells';
import type { ObservationBuilder } from './observations';
import type { RowMapper } from './tabular';

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/**
 * Open-addressing table from a cell's characters to a small integer, compared in place so a cell
 * seen before costs no substring. Texts are kept (one copy per distinct value).
 */
class Interner {
  private slots: Int32Array;
  private mask: number;
  private hashes: Int32Array;
  readonly texts: string[] = [];
  values: Int32Array;

  constructor(bits = 10) {
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
    this.hashes = new Int32Array(1 << (bits - 1));
    this.values = new Int32Array(1 << (bits - 1));
  }

  get size(): number {
    return this.texts.length;
  }

  /** Entry of text[start, end) with hash h, or -1. */
  find(text: string, start: number, end: number, h: number): number {
    const len = end - start;
    for (let p = h & this.mask; ; p = (p + 1) & this.mask) {
      const e = this.slots[p] - 1;
      if (e < 0) return -1;
      if (this.hashes[e] !== h) continue;
      const t = this.texts[e];
      if (t.length !== len) continue;
      let k = 0;
      while (k < len && t.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return e;
    }
  }

  add(t: string, h: number, value: number): number {
    const e = this.texts.length;
    if (e >= this.hashes.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      this.hashes = grow(this.hashes);
      this.values = grow(this.values);
    }
    // Flatten: a slice of the 4 MB decoded text would otherwise keep the whole slice alive.
    this.texts.push(t.length < 13 ? t : (' ' + t).slice(1));
    this.hashes[e] = h;
    this.values[e] = value;
    if ((e + 1) * 2 > this.slots.length) this.rehash();
    else this.place(e);
    return e;
  }

  private place(e: number): void {
    let p = this.hashes[e] & this.mask;
    while (this.slots[p] !== 0) p = (p + 1) & this.mask;
    this.slots[p] = e + 1;
  }

  private rehash(): void {
    this.slots = new Int32Array(this.slots.length * 2);
    this.mask = this.slots.length - 1;
    for (let e = 0; e < this.texts.length; e++) this.place(e);
  }
}

interface TrieNode {
  /** Indexed by the dense dimension id (an array index is much cheaper than a Map lookup per row). */
  next: (TrieNode | undefined)[];
  /** Variable id per value column once the dimension combination is complete. */
  vars: Int32Array | null;
}

export interface RowCounters {
  /** Rows parsed so far (== line of the last row; quoted line breaks aside, as in csv.ts). */
  rowIndex: number;
  /** Non-empty data rows. */
  rows: number;
}

export class FastCsvReader {
  private readonly delim: number;
  private readonly width: number;
  /** Per column: intern entry of the previous row's cell (-1 none). */
  private readonly last: Int32Array;
  private starts = new Int32Array(64);
  private ends = new Int32Array(64);
  private hashes = new Int32Array(64);
  private readonly units = new Interner();
  private readonly names = new Interner();
  private readonly years = new Interner(6);
  private readonly dimCells: Interner[];
  /** Per dimension column: trimmed text → id, because variables are keyed on trimmed text. */
  private readonly dimTrimmed: Map<string, number>[];
  private readonly dimIds: Int32Array;
  /** (unit entry, name entry) → unit, when the name is a column of its own. */
  private readonly unitPairs = new Map<number, number>();
  private readonly root: TrieNode = { next: [], vars: null };

  static usable(delimiter: string, newline: string): boolean {
    return delimiter.length === 1 && delimiter !== '"' && delimiter !== '\n' && delimiter !== '\r' && (newline === '\n' || newline === '\r\n' || newline === '\r');
  }

  constructor(
    private readonly mapper: RowMapper,
    private readonly builder: ObservationBuilder,
    delimiter: string,
    private readonly newline: string,
    private readonly headerLine: number,
  ) {
    this.delim = delimiter.charCodeAt(0);
    this.width = mapper.headers.length;
    this.last = new Int32Array(Math.max(this.width, 1)).fill(-1);
    this.dimCells = mapper.dimIdx.map(() => new Interner());
    this.dimTrimmed = mapper.dimIdx.map(() => new Map<string, number>());
    this.dimIds = new Int32Array(mapper.dimIdx.length);
  }

  /**
   * Reads the lines of text[0, limit) (limit is just after a newline, or the end of the file, where
   * the last line may lack its newline). Returns limit when all were read, else the start of the
   * first line PapaParse must read.
   */
  read(text: string, c: RowCounters, limit: number): number {
    const nl = this.newline;
    const nlLen = nl.length;
    let pos = 0;
    while (pos < limit) {
      let lineEnd = text.indexOf(nl, pos);
      if (lineEnd < 0 || lineEnd > limit) lineEnd = limit;
      const nf = this.split(text, pos, lineEnd);
      if (nf < 0) return pos;
      pos = lineEnd + nlLen;
      const line = ++c.rowIndex;
      if (line <= this.headerLine) continue;
      if (nf === 1 && isBlank(text, this.starts[0], this.ends[0])) continue;
      c.rows++;
      if (nf !== this.width || !this.pushFast(text, line)) this.mapper.push(this.rowStrings(text, nf), line);
    }
    return limit;
  }

  /**
   * Splits text[s, e) into field spans; -1 when PapaParse might split it differently. Quoted fields
   * are found with the native indexOf; label hashing waits until a label differs from the row above.
   */
  private split(text: string, s: number, e: number): number {
    const delim = this.delim;
    let k = 0;
    let p = s;
    for (;;) {
      if (k === this.starts.length) this.growFields();
      if (p < e && text.charCodeAt(p) === 34) {
        const q = text.indexOf('"', p + 1);
        if (q < 0 || q >= e) return -1; // closing quote on a later line, or none: PapaParse decides
        const after = q + 1;
        if (after < e && text.charCodeAt(after) !== delim) return -1; // `""` escape or text after the quote
        this.starts[k] = p + 1;
        this.ends[k] = q;
        k++;
        if (after >= e) return k;
        p = after + 1;
      } else {
        let q = p;
        for (; q < e; q++) {
          const ch = text.charCodeAt(q);
          if (ch === delim) break;
          if (ch === 34) return -1;
        }
        this.starts[k] = p;
        this.ends[k] = q;
        k++;
        if (q >= e) return k;
        p = q + 1;
      }
    }
  }

  /**
   * Intern entry of column j's cell, -1 when new. Sorted downloads repeat a label on many rows in a
   * row, so the cell is first compared with the previous row's entry (one pass, no hash).
   */
  private entry(table: Interner, j: number, text: string): number {
    const s = this.starts[j];
    const e = this.ends[j];
    const last = this.last[j];
    if (last >= 0) {
      const t = table.texts[last];
      const len = e - s;
      if (t.length === len) {
        let k = 0;
        while (k < len && t.charCodeAt(k) === text.charCodeAt(s + k)) k++;
        if (k === len) return last;
      }
    }
    let h = FNV_OFFSET;
    for (let k = s; k < e; k++) h = Math.imul(h ^ text.charCodeAt(k), FNV_PRIME);
    this.hashes[j] = h;
    const found = table.find(text, s, e, h);
    if (found >= 0) this.last[j] = found;
    return found;
  }

  /** Adds column j's cell (after `entry` returned -1) with its resolved value. */
  private add(table: Interner, j: number, text: string, value: number): number {
    const en = table.add(text.slice(this.starts[j], this.ends[j]), this.hashes[j], value);
    this.last[j] = en;
    return en;
  }

  private growFields(): void {
    const grow = (a: Int32Array) => {
      const b = new Int32Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.starts = grow(this.starts);
    this.ends = grow(this.ends);
    this.hashes = grow(this.hashes);
  }

  private rowStrings(text: string, nf: number): string[] {
    const row = new Array<string>(nf);
    for (let k = 0; k < nf; k++) row[k] = text.slice(this.starts[k], this.ends[k]);
    return row;
  }

  private cell(text: string, j: number): string {
    return text.slice(this.starts[j], this.ends[j]);
  }

  /** Pushes one full-width row; false (before any observation is pushed) when `push` must take it. */
  private pushFast(text: string, line: number): boolean {
    const m = this.mapper;
    const { starts, ends } = this;
    // ---- municipality
    const uj = m.unitIdx;
    let ue = this.entry(this.units, uj, text);
    let unit: number;
    if (m.nameIdx < 0) {
      if (ue < 0) {
        const u = m.unitFor(this.cell(text, uj), '');
        if (u === null) return false;
        ue = this.add(this.units, uj, text, u);
      }
      unit = this.units.values[ue];
    } else {
      const nj = m.nameIdx;
      if (ue < 0) ue = this.add(this.units, uj, text, 0);
      let ne = this.entry(this.names, nj, text);
      if (ne < 0) ne = this.add(this.names, nj, text, 0);
      const pair = ue * 0x200000 + ne;
      let u = this.unitPairs.get(pair);
      if (u === undefined) {
        const r = m.unitFor(this.units.texts[ue], this.names.texts[ne]);
        if (r === null) return false;
        u = r;
        this.unitPairs.set(pair, u);
      }
      unit = u;
    }
    if (unit < 0) {
      // An aggregate row: set aside (listed by the mapper), counted as a row like `push` does.
      m.rows++;
      return true;
    }
    // ---- year
    let rowYear = m.fixedYear ?? 0;
    const yj = m.yearIdx;
    if (yj >= 0) {
      let ye = this.entry(this.years, yj, text);
      if (ye < 0) ye = this.add(this.years, yj, text, m.yearOf(this.cell(text, yj)));
      rowYear = this.years.values[ye];
      if (rowYear < 0) return false;
    }
    // ---- dimension combination → variable ids
    let node = this.root;
    for (let d = 0; d < this.dimIds.length; d++) {
      const dj = m.dimIdx[d];
      const cells = this.dimCells[d];
      let de = this.entry(cells, dj, text);
      if (de < 0) {
        const trimmed = this.cell(text, dj).trim();
        const ids = this.dimTrimmed[d];
        let id = ids.get(trimmed);
        if (id === undefined) {
          id = ids.size;
          ids.set(trimmed, id);
        }
        de = this.add(cells, dj, text, id);
      }
      const id = cells.values[de];
      let next = node.next[id];
      if (next === undefined) {
        next = { next: [], vars: null };
        node.next[id] = next;
      }
      node = next;
    }
    let vars = node.vars;
    if (vars === null) {
      vars = m.variableIds(this.rowStrings(text, this.width));
      node.vars = vars;
    }
    // ---- values
    m.rows++;
    const dc = m.decimalComma;
    const cols = m.valueCols;
    for (let v = 0; v < cols.length; v++) {
      const vc = cols[v];
      const j = vc.idx;
      let cell = parseCellSpan(text, starts[j], ends[j], dc);
      if (cell === null) {
        const t = this.cell(text, j);
        cell = parseCell(t, dc);
        if (cell.missing === Missing.invalid) m.noteInvalid(line, vc, t);
      }
      this.builder.push(unit, vc.year ?? rowYear, vars[v], cell.value, cell.missing as MissingCode, line);
    }
    return true;
  }
}

function isBlank(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const ch = text.charCodeAt(k);
    // String.prototype.trim's white space for the characters a CSV line can hold.
    if (!(ch === 32 || ch === 9 || ch === 10 || ch === 11 || ch === 12 || ch === 13 || ch === 0xa0 || ch === 0xfeff || ch === 0x2028 || ch === 0x2029 || ch === 0x1680 || (ch >= 0x2000 && ch <= 0x200a) || ch === 0x202f || ch === 0x205f || ch === 0x3000)) return false;
  }
  return true;
}
