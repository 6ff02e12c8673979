/**
 * Sweep operator on a symmetric (p+1)×(p+1) cross-product matrix (criteria, then y last), in the
 * symmetric form of Little & Rubin: sweeping pivot k in regresses everything on k; the reverse sweep
 * takes it out again. After sweeping the set S in, A[y][y] is the residual SS of y on S (here in
 * unit-diagonal scale, so 1 − R²_partial(S)) and A[j][y] (j ∈ S) are the coefficients.
 *
 * Sweeping in and out repeatedly accumulates rounding error (each small pivot h amplifies it by
 * about 1/h). SweepState therefore rebuilds from the pristine matrix periodically and right after a
 * badly conditioned pivot, and treats a pivot below PIVOT_TOL (the criterion is, to working
 * precision, a linear combination of the others in the set) as "not fittable" for that subset.
 */

/** A residual variance share below this means exact collinearity within the subset. */
export const PIVOT_TOL = 1e-10;
/** A pivot below this is still fitted, but the state is rebuilt before the next incremental step. */
const ILL_TOL = 1e-6;
/** Rebuild from scratch every this many incremental steps, to bound error accumulation. */
const REBUILD_EVERY = 1024;

/** Sweeps pivot k in (reverse = false) or out (reverse = true). The caller checks the pivot. */
export function sweep(a: Float64Array, m: number, k: number, reverse: boolean): void {
  const rk = k * m;
  const h = a[rk + k];
  for (let i = 0; i < m; i++) {
    if (i === k) continue;
    const aik = a[rk + i];
    if (aik === 0) continue;
    const f = aik / h;
    const ri = i * m;
    for (let j = 0; j < m; j++) a[ri + j] -= f * a[rk + j];
  }
  // The loop above also touched column k of each row (j = k); restore it to the swept value.
  const s = reverse ? -1 : 1;
  for (let i = 0; i < m; i++) {
    if (i === k) continue;
    const v = (s * a[rk + i]) / h;
    a[i * m + k] = v;
    a[rk + i] = v;
  }
  a[rk + k] = -1 / h;
}

export class SweepState {
  readonly m: number;
  readonly a: Float64Array;
  private readonly base: Float64Array;
  /** Logical membership of each criterion in the current subset. */
  readonly member: Uint8Array;
  /** Actually swept in (a member whose pivot was too small stays unswept: "deferred"). */
  private readonly swept: Uint8Array;
  private nDeferred = 0;
  private dirty = false;
  private stepsSinceRebuild = 0;

  /** base: the unit-diagonal matrix of partialOut; y is index m − 1. */
  constructor(base: Float64Array, m: number) {
    this.m = m;
    this.base = base;
    this.a = Float64Array.from(base);
    this.member = new Uint8Array(m - 1);
    this.swept = new Uint8Array(m - 1);
  }

  /** True when every member is swept in, i.e. the subset's design has full rank. */
  get fittable(): boolean {
    return this.nDeferred === 0;
  }

  /** Residual share e(S) = 1 − R²_partial(S), or NaN when the subset is not fittable. */
  residualShare(): number {
    return this.nDeferred === 0 ? this.a[this.a.length - 1] : NaN;
  }

  private trySweepIn(k: number): void {
    const h = this.a[k * this.m + k];
    if (!(h > PIVOT_TOL)) {
      this.nDeferred++;
      return;
    }
    if (h < ILL_TOL) this.dirty = true;
    sweep(this.a, this.m, k, false);
    this.swept[k] = 1;
  }

  /** Replaces the membership by `mask` bits (criterion j ↔ bit j) and sweeps from the pristine matrix. */
  rebuild(members?: ArrayLike<number>): void {
    if (members) for (let j = 0; j < this.m - 1; j++) this.member[j] = members[j] ? 1 : 0;
    this.a.set(this.base);
    this.swept.fill(0);
    this.nDeferred = 0;
    this.dirty = false;
    this.stepsSinceRebuild = 0;
    for (let j = 0; j < this.m - 1; j++) if (this.member[j]) this.trySweepIn(j);
  }

  /** Flips criterion k in or out of the subset. */
  toggle(k: number): void {
    this.member[k] ^= 1;
    if (this.dirty || ++this.stepsSinceRebuild >= REBUILD_EVERY) {
      this.rebuild();
      return;
    }
    if (this.member[k]) {
      this.trySweepIn(k);
      return;
    }
    if (!this.swept[k]) {
      this.nDeferred--;
      return;
    }
    const h = this.a[k * this.m + k];
    // Reverse sweep of a pivot that went in with share h_in has h = −1/h_in.
    if (-1 / h < ILL_TOL) this.dirty = true;
    sweep(this.a, this.m, k, true);
    this.swept[k] = 0;
    if (this.nDeferred > 0) {
      // A deferred member may be fittable now that k is gone: rebuild rather than guess.
      this.rebuild();
    }
  }

  /** Coefficient of criterion j (unit-diagonal scale) in the current subset; NaN if not swept. */
  coefficient(j: number): number {
    return this.swept[j] ? this.a[j * this.m + this.m - 1] : NaN;
  }
}
