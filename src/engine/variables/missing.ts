/**
 * Missing-reason arithmetic. A derived value is missing whenever an input is missing, and it keeps
 * the input's reason so the user sees *why* (a sum with one suppressed part is suppressed). When
 * several inputs are missing for different reasons, the most informative reason wins.
 */
import { Missing, type MissingCode } from '../table';

/** Higher rank wins: suppression is the reason a user can act on (choose another source), so it is
 *  reported before plain missing; `undefined` (computed, e.g. division by zero) only when no input
 *  was missing at all. */
const RANK: Record<number, number> = {
  [Missing.present]: 0,
  [Missing.undefinedValue]: 1,
  [Missing.invalid]: 2,
  [Missing.notApplicable]: 3,
  [Missing.notYetAvailable]: 4,
  [Missing.missing]: 5,
  [Missing.suppressed]: 6,
};

export function worseReason(a: number, b: number): MissingCode {
  return ((RANK[b] ?? 0) > (RANK[a] ?? 0) ? b : a) as MissingCode;
}

/** RANK as a typed table indexed by code (codes are bytes), so the row loops below need no object
 *  lookups: an age group sums ~100 columns × every row. */
const RANK_TABLE = (() => {
  const t = new Uint8Array(256);
  for (const [code, rank] of Object.entries(RANK)) t[Number(code)] = rank;
  return t;
})();

/** Row-wise combination of the inputs' missing codes (same result as folding `worseReason`). */
export function combineMissing(n: number, inputs: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(n);
  for (const m of inputs) {
    for (let i = 0; i < n; i++) {
      const b = m[i];
      if (b !== 0 && RANK_TABLE[b] > RANK_TABLE[out[i]]) out[i] = b;
    }
  }
  return out;
}

/**
 * Final missing codes of a computed column: the inputs' reason where an input was missing, else
 * `undefinedValue` where the arithmetic gave no finite number. Sets values to NaN on missing rows.
 */
export function finalizeMissing(values: Float64Array, inputMissing: Uint8Array): Uint8Array {
  const n = values.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (inputMissing[i] !== 0) {
      out[i] = inputMissing[i];
      values[i] = NaN;
    } else if (!Number.isFinite(values[i])) {
      out[i] = Missing.undefinedValue;
      values[i] = NaN;
    }
  }
  return out;
}
