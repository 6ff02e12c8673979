/**
 * One full-width row of the fast CSV readers (fastCsv.ts on text, byteCsv.ts on bytes) → typed
 * observations, with what each label resolved to cached per table entry: unit, year and dimension
 * ids per entry (EntryValues), the variables of a dimension combination in a trie. The readers
 * differ only in how a cell's text is had (`RowCells`), which is needed only for a label's first
 * resolution, a new combination and the rare value cell the scan could not read.
 */
import type { MissingCode } from '../../engine/table';
import type { ParsedCell } from '../cells';
import type { ObservationBuilder } from '../observations';
import type { RowMapper, ValueCol } from '../tabular';
import { EntryValues, UNRESOLVED } from './entryValues';
import { ownCopy } from './rawFieldTable';

/** The current row, as its reader sees it. */
export interface RowCells {
  /** The content of label column j (the row is full width, so its entry describes this field). */
  label(j: number): string;
  /** Every field of the row as text. */
  rowStrings(): string[];
  /** Value column j, which the scan left unread: parsed, and reported to the mapper when invalid. */
  readValue(j: number, vc: ValueCol, line: number): ParsedCell;
}

interface TrieNode {
  /** Indexed by the dense dimension id (an array index is much cheaper than a Map lookup per row). */
  next: (TrieNode | undefined)[];
  /** Variable id per value column once the dimension combination is complete. */
  vars: Int32Array | null;
}

/** Unit and name entries share one number as a Map key while both stay below this. */
const PAIR_LIMIT = 1 << 26;

export class RowTyper {
  private readonly unitOf = new EntryValues();
  private readonly yearOf = new EntryValues();
  private readonly dimOf: EntryValues[];
  /** The previous row's unit and year entries and what they resolved to (runs of equal labels). */
  private lastUnitEntry = -1;
  private lastUnit = 0;
  private lastYearEntry = -1;
  private lastYear = 0;
  /** Per dimension column: trimmed text → id, because variables are keyed on trimmed text. */
  private readonly dimTrimmed: Map<string, number>[];
  /** (unit entry, name entry) → unit, when the name is a column of its own. */
  private readonly unitPairs = new Map<number, number>();
  private readonly root: TrieNode = { next: [], vars: null };

  constructor(
    private readonly mapper: RowMapper,
    private readonly builder: ObservationBuilder,
  ) {
    this.dimOf = mapper.dimIdx.map(() => new EntryValues());
    this.dimTrimmed = mapper.dimIdx.map(() => new Map<string, number>());
  }

  /**
   * Pushes one full-width row: `cur` the table entry of each label column's field, values/codes
   * what the scan read of each value column (a code < 0: not read). False, before any observation
   * is pushed, when `RowMapper.push` must take the row (it reports unreadable units and years).
   */
  push(cells: RowCells, cur: Int32Array, values: Float64Array, codes: Int8Array, line: number): boolean {
    const m = this.mapper;
    // ---- municipality
    const uj = m.unitIdx;
    const ue = cur[uj];
    let unit: number;
    if (ue === this.lastUnitEntry && m.nameIdx < 0) unit = this.lastUnit;
    else if (m.nameIdx < 0) {
      unit = this.unitOf.get(ue);
      if (unit === UNRESOLVED) {
        const u = m.unitFor(cells.label(uj), '');
        // Unreadable labels stay unresolved, so `push` counts and reports every such row.
        if (u === null) return false;
        unit = u;
        this.unitOf.set(ue, unit);
      }
      this.lastUnitEntry = ue;
      this.lastUnit = unit;
    } else {
      const ne = cur[m.nameIdx];
      const pair = ue < PAIR_LIMIT && ne < PAIR_LIMIT ? ue * PAIR_LIMIT + ne : -1;
      let u = pair >= 0 ? this.unitPairs.get(pair) : undefined;
      if (u === undefined) {
        const r = m.unitFor(cells.label(uj), cells.label(m.nameIdx));
        if (r === null) return false;
        u = r;
        if (pair >= 0) this.unitPairs.set(pair, u);
      }
      unit = u;
    }
    if (unit < 0) {
      // An aggregate row: set aside (listed by the mapper), counted as a row like `push` does.
      m.rows++;
      if (unit === -1) m.noteAggregateRow(line);
      return true;
    }
    // ---- year
    let rowYear = m.fixedYear ?? 0;
    const yj = m.yearIdx;
    if (yj >= 0) {
      const ye = cur[yj];
      if (ye === this.lastYearEntry) rowYear = this.lastYear;
      else {
        rowYear = this.yearOf.get(ye);
        if (rowYear === UNRESOLVED) {
          rowYear = m.yearOf(cells.label(yj));
          this.yearOf.set(ye, rowYear);
        }
        this.lastYearEntry = ye;
        this.lastYear = rowYear;
      }
      if (rowYear < 0) return false;
    }
    // ---- dimension combination → variable ids
    let node = this.root;
    for (let d = 0; d < this.dimOf.length; d++) {
      const dj = m.dimIdx[d];
      const de = cur[dj];
      let id = this.dimOf[d].get(de);
      if (id === UNRESOLVED) {
        // An own copy: a substring of a decoded slice would keep the whole slice alive.
        const trimmed = ownCopy(cells.label(dj).trim());
        const ids = this.dimTrimmed[d];
        const known = ids.get(trimmed);
        if (known === undefined) {
          id = ids.size;
          ids.set(trimmed, id);
        } else id = known;
        this.dimOf[d].set(de, id);
      }
      let next = node.next[id];
      if (next === undefined) {
        next = { next: [], vars: null };
        node.next[id] = next;
      }
      node = next;
    }
    let vars = node.vars;
    if (vars === null) {
      vars = m.variableIds(cells.rowStrings());
      node.vars = vars;
    }
    // ---- values
    m.rows++;
    const cols = m.valueCols;
    for (let v = 0; v < cols.length; v++) {
      const vc = cols[v];
      const j = vc.idx;
      const code = codes[j];
      if (code >= 0) this.builder.push(unit, vc.year ?? rowYear, vars[v], values[j], code as MissingCode, line);
      else {
        const cell = cells.readValue(j, vc, line);
        this.builder.push(unit, vc.year ?? rowYear, vars[v], cell.value, cell.missing as MissingCode, line);
      }
    }
    return true;
  }
}
