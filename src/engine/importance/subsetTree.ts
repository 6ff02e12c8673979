/**
 * R² of every subset of the criteria by depth-first elimination — the "regression tree" of
 * Furnival & Wilson 1974 (docs/REFERENCES.md; docs/METHODS.md §4). A node is a subset S; its matrix
 * is the Schur complement of S in the unit-diagonal cross-product matrix of partialOut, kept only
 * over y and the criteria below S's lowest member (the only ones its descendants still add). A child
 * S ∪ {j} (j below S's lowest member) is one elimination of pivot j on that small matrix, so a
 * subset whose lowest criterion is m costs about (m+1)²/2 multiply-adds: all 2^p subsets cost about
 * 3.5·2^p, where the Gray-code sweep (enumerate.ts) costs p²·2^p — 2^25 subsets in seconds instead
 * of a minute.
 *
 * Numerics: each node is a fresh elimination of S from the pristine matrix (members in decreasing
 * index order), never a sweep in and out again, so no error accumulates along the enumeration and
 * nothing needs rebuilding. A pivot at or below PIVOT_TOL (the criterion is, to working precision, a
 * linear combination of the others in the subset) makes the subset and every superset below it in
 * the tree not fittable (NaN), as SweepState does.
 *
 * Blocks (the worker pool's unit, search.ts): block b holds the 2^low subsets whose bits from `low`
 * up are b. Its setup eliminates those high members from the pristine matrix in the same decreasing
 * order as the whole tree would, so a block's values depend only on (red, b) and are the same bits
 * as in one pass over all subsets. No allocation per subset: one buffer per tree level.
 */
import type { Reduced } from './partialOut';
import { PIVOT_TOL } from './sweep';
import { popcount, type SubsetVisitor } from './enumerate';

/**
 * One elimination: C (dim j+1) = the Schur complement of pivot j+1 in P (dim D > j+1), over
 * positions 0..j (y first, then criteria 0..j−1). Only the upper triangle (a ≤ b) is read and
 * written. `col` is scratch for P's column j+1. Returns the pivot; C is untouched when the pivot is
 * not above PIVOT_TOL.
 */
function eliminate(P: Float64Array, D: number, j: number, C: Float64Array, col: Float64Array): number {
  const piv = j + 1;
  const h = P[piv * D + piv];
  if (!(h > PIVOT_TOL)) return h;
  const d = j + 1;
  for (let a = 0; a < d; a++) col[a] = P[a * D + piv];
  for (let a = 0; a < d; a++) {
    const f = col[a] / h;
    const rp = a * D;
    const rc = a * d;
    for (let b = a; b < d; b++) C[rc + b] = P[rp + b] - f * col[b];
  }
  return h;
}

export class SubsetTree {
  /** Criteria enumerated inside a block (the low bits of the mask). */
  readonly low: number;
  private readonly red: Reduced;
  private readonly ratio: number;
  /** levels[j]: the matrix over y and criteria 0..j−1 (dim j+1, y at position 0), upper triangle. */
  private readonly levels: Float64Array[];
  private readonly col: Float64Array;
  private visit: SubsetVisitor = () => {};

  constructor(red: Reduced, low: number) {
    this.red = red;
    this.low = Math.min(low, red.p);
    this.ratio = red.rssBase / red.tss;
    this.levels = Array.from({ length: this.low + 1 }, (_, j) => new Float64Array((j + 1) * (j + 1)));
    this.col = new Float64Array(red.p + 1);
  }

  /** Number of blocks for all 2^p subsets. */
  get blocks(): number {
    return 2 ** (this.red.p - this.low);
  }

  /** Visits the 2^low subsets of block `b` (high bits = b); returns how many were visited. */
  visitBlock(b: number, visit: SubsetVisitor): number {
    const { p, corr } = this.red;
    const low = this.low;
    const D = p + 1;
    // The pristine matrix reordered to y first (position 0), criterion k at position k+1.
    let cur = new Float64Array(D * D);
    for (let a = 0; a < D; a++) {
      const sa = a === 0 ? p : a - 1;
      for (let c = a; c < D; c++) cur[a * D + c] = corr[sa * D + (c === 0 ? p : c - 1)];
    }
    let dim = D;
    let size = 0;
    const high = b * 2 ** low;
    // Eliminate the block's high members, highest first (as the whole tree's path to this block).
    for (let k = p - 1; k >= low; k--) {
      if (!((high >>> k) & 1)) continue;
      size++;
      const next = new Float64Array((k + 1) * (k + 1));
      if (!(eliminate(cur, dim, k, next, this.col) > PIVOT_TOL)) {
        for (let m = 0; m < 2 ** low; m++) visit(high | m, size + popcount(m), NaN);
        return 2 ** low;
      }
      cur = next;
      dim = k + 1;
    }
    // Only positions 0..low (y and the block's own criteria) are still needed.
    const top = this.levels[low];
    for (let a = 0; a <= low; a++) for (let c = a; c <= low; c++) top[a * (low + 1) + c] = cur[a * dim + c];
    this.visit = visit;
    this.node(low, high, size);
    this.visit = () => {};
    return 2 ** low;
  }

  /** Visits subset `mask` (its matrix in levels[level]) and every subset that adds criteria below `level`. */
  private node(level: number, mask: number, size: number): void {
    const P = this.levels[level];
    this.visit(mask, size, 1 - this.ratio * P[0]);
    const D = level + 1;
    for (let j = level - 1; j >= 0; j--) {
      const child = mask | (1 << j);
      if (eliminate(P, D, j, this.levels[j], this.col) > PIVOT_TOL) this.node(j, child, size + 1);
      else for (let m = 0; m < 1 << j; m++) this.visit(child | m, size + 1 + popcount(m), NaN);
    }
  }
}
