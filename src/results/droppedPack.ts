/**
 * The rows each model dropped (FitOutcome.dropped), packed for the trip from the worker to the page.
 * As objects they were one { row, unit, year, variables[], reasons[] } per row per model: after a big
 * upload (thousands of rows with gaps × many models) most of the results message, and of the
 * structured clone the page unpacks in one task. Packed, the rows are numbers in typed arrays
 * (cloned as one block each) and what repeats is said once per models section:
 *
 * * `strings`: every variable name, reason code and unit code, once;
 * * a row table shared by all models (a row dropped by ten models is there once): its table row,
 *   unit and year;
 * * a pattern table (which variables, for which reasons — listwise deletion has few patterns);
 * * per fit only a list number: list l is listRows/listPatterns[listStart[l] .. listStart[l + 1]),
 *   the row-table index and pattern index of each dropped row, in the fit's order (one set of
 *   arrays for all fits: a typed array each per fit made hundreds of small buffers to clone).
 *
 * The page unpacks a fit's list only when something reads `outcome.dropped` (a lazy property that
 * then holds the plain array), so a view that does not show dropped rows never builds them, and
 * what a reader gets is exactly the worker's list (test: src/results/droppedPack.test.ts). A view
 * that shows a page of the list reads only that page (`droppedPage`): opening a big upload's list
 * built all its 15 000 rows to show 50 (5–35 ms of the opening's script at load 7–9, more on a busier
 * machine).
 */
import type { DroppedRow, FitOutcome, ModelResult } from '../engine/model/types';

export interface DroppedPack {
  strings: string[];
  /** Row table: table row, unit (index into strings, −1: none), year (NaN: none). */
  rowIndex: Int32Array;
  rowUnit: Int32Array;
  rowYear: Float64Array;
  /** Pattern p's variables are patVars[patVarStart[p] .. patVarStart[p + 1]), its reasons likewise. */
  patVarStart: Int32Array;
  patVars: Int32Array;
  patReasonStart: Int32Array;
  patReasons: Int32Array;
  /** List l (one fit's dropped rows) is listRows/listPatterns[listStart[l] .. listStart[l + 1]). */
  listStart: Int32Array;
  listRows: Int32Array;
  listPatterns: Int32Array;
}

/** The models section in transit: the results without their dropped rows, plus the pack. */
export interface PackedModels {
  /** Each fit's outcome without `dropped`. */
  models: Record<string, ModelResult>;
  /** Model id → each fit's list number in the pack (same order as `fits`). */
  dropped: Record<string, number[]>;
  pack: DroppedPack;
}

/** A growing Int32Array (the packer does not know the counts in advance). */
class IntList {
  data = new Int32Array(64);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = v;
  }
  done(): Int32Array {
    return this.data.slice(0, this.length);
  }
}

export function packModels(models: Record<string, ModelResult>): PackedModels {
  const strings: string[] = [];
  const stringId = new Map<string, number>();
  const str = (s: string): number => {
    let i = stringId.get(s);
    if (i === undefined) {
      i = strings.length;
      strings.push(s);
      stringId.set(s, i);
    }
    return i;
  };
  const rowIndex = new IntList();
  const rowUnit = new IntList();
  const rowYear: number[] = [];
  // Keyed by row, unit and year together, so the pack holds exactly what each list said.
  const rowId = new Map<string, number>();
  const patVarStart = new IntList();
  const patVars = new IntList();
  const patReasonStart = new IntList();
  const patReasons = new IntList();
  const patId = new Map<string, number>();
  patVarStart.push(0);
  patReasonStart.push(0);
  const listStart = new IntList();
  const listRows = new IntList();
  const listPatterns = new IntList();
  listStart.push(0);

  const packList = (list: DroppedRow[]): number => {
    for (const d of list) {
      const unit = d.unit === undefined ? -1 : str(d.unit);
      const rk = `${d.row}|${unit}|${d.year ?? ''}`;
      let r = rowId.get(rk);
      if (r === undefined) {
        r = rowIndex.length;
        rowIndex.push(d.row);
        rowUnit.push(unit);
        rowYear.push(d.year ?? NaN);
        rowId.set(rk, r);
      }
      const vars = d.variables.map(str);
      const reasons = d.reasons.map(str);
      const pk = `${vars.join(',')}|${reasons.join(',')}`;
      let p = patId.get(pk);
      if (p === undefined) {
        p = patVarStart.length - 1;
        for (const v of vars) patVars.push(v);
        for (const v of reasons) patReasons.push(v);
        patVarStart.push(patVars.length);
        patReasonStart.push(patReasons.length);
        patId.set(pk, p);
      }
      listRows.push(r);
      listPatterns.push(p);
    }
    listStart.push(listRows.length);
    return listStart.length - 2;
  };

  const out: PackedModels['models'] = {};
  const dropped: PackedModels['dropped'] = {};
  for (const [id, m] of Object.entries(models)) {
    dropped[id] = m.fits.map((f) => packList(f.outcome.dropped));
    out[id] = {
      ...m,
      fits: m.fits.map((f) => {
        const { dropped: _, ...rest } = f.outcome;
        return { ...f, outcome: rest as FitOutcome };
      }),
    };
  }
  return {
    models: out,
    dropped,
    pack: {
      strings,
      rowIndex: rowIndex.done(),
      rowUnit: rowUnit.done(),
      rowYear: Float64Array.from(rowYear),
      patVarStart: patVarStart.done(),
      patVars: patVars.done(),
      patReasonStart: patReasonStart.done(),
      patReasons: patReasons.done(),
      listStart: listStart.done(),
      listRows: listRows.done(),
      listPatterns: listPatterns.done(),
    },
  };
}

/**
 * One fit's dropped rows as the worker had them; with `from`/`to`, only rows from .. to − 1 of the list
 * (a view that shows a page of a 15 000-row list builds that page, not the list).
 */
export function unpackDropped(pack: DroppedPack, list: number, from = 0, to = Infinity): DroppedRow[] {
  const { strings, rowIndex, rowUnit, rowYear, patVarStart, patVars, patReasonStart, patReasons, listStart, listRows, listPatterns } = pack;
  const length = listStart[list + 1] - listStart[list];
  const lo = Math.max(0, Math.min(from, length));
  const hi = Math.max(lo, Math.min(to, length));
  const base = listStart[list] + lo;
  const out: DroppedRow[] = new Array(hi - lo);
  for (let q = 0; q < out.length; q++) {
    const r = listRows[base + q];
    const p = listPatterns[base + q];
    const variables: string[] = [];
    const reasons: string[] = [];
    for (let j = patVarStart[p]; j < patVarStart[p + 1]; j++) variables.push(strings[patVars[j]]);
    for (let j = patReasonStart[p]; j < patReasonStart[p + 1]; j++) reasons.push(strings[patReasons[j]]);
    // Same key order as sample.ts builds them (row, variables, reasons, then unit and year if known).
    const d: DroppedRow = { row: rowIndex[r], variables, reasons };
    if (rowUnit[r] >= 0) d.unit = strings[rowUnit[r]];
    if (!Number.isNaN(rowYear[r])) d.year = rowYear[r];
    out[q] = d;
  }
  return out;
}

/** Each unpacked outcome's pack and list number, so its count and a page of it can be read without building it. */
const packedLists = new WeakMap<object, { pack: DroppedPack; list: number }>();

/** Whether the outcome's `dropped` is still the lazy property (nothing has read the whole list yet). */
function stillPacked(outcome: FitOutcome): { pack: DroppedPack; list: number } | undefined {
  const at = packedLists.get(outcome);
  return at && Object.getOwnPropertyDescriptor(outcome, 'dropped')?.get ? at : undefined;
}

/** The number of rows an outcome dropped, without building the list if it is still packed. */
export function droppedCount(outcome: FitOutcome): number {
  const at = packedLists.get(outcome);
  return at ? at.pack.listStart[at.list + 1] - at.pack.listStart[at.list] : outcome.dropped.length;
}

/**
 * Rows from .. to − 1 of an outcome's dropped list: unpacked from the pack while the list is still
 * packed (the whole list is not built, nor held), else a slice of the list already built. The models
 * view reads one page at a time this way (src/features/models/DroppedUnits.tsx).
 */
export function droppedPage(outcome: FitOutcome, from: number, to: number): DroppedRow[] {
  const at = stillPacked(outcome);
  return at ? unpackDropped(at.pack, at.list, from, to) : outcome.dropped.slice(from, to);
}

/**
 * The models section on the page: each outcome gets `dropped` back as a lazy property, unpacked on
 * first read and then held as a plain array (so every reader sees the worker's list).
 */
export function unpackModels(packed: PackedModels): Record<string, ModelResult> {
  const out: Record<string, ModelResult> = {};
  for (const [id, m] of Object.entries(packed.models)) {
    const lists = packed.dropped[id] ?? [];
    out[id] = {
      ...m,
      fits: m.fits.map((f, i) => {
        const outcome = { ...f.outcome } as FitOutcome;
        const list = lists[i];
        packedLists.set(outcome, { pack: packed.pack, list });
        Object.defineProperty(outcome, 'dropped', {
          enumerable: true,
          configurable: true,
          get(this: FitOutcome) {
            const value = unpackDropped(packed.pack, list);
            Object.defineProperty(this, 'dropped', { value, enumerable: true, configurable: true, writable: true });
            return value;
          },
        });
        return { ...f, outcome };
      }),
    };
  }
  return out;
}
