/**
 * Visits all 2^p subsets of the criteria in Gray-code order, so that consecutive subsets differ by
 * one criterion and each step is a single sweep (O(p²)) instead of a fresh fit. Resumable in chunks
 * so a worker can yield to its message loop (cancel) between chunks.
 */
import type { Reduced } from './partialOut';
import { SweepState } from './sweep';
import type { JobState } from '../parallel/job';

/** Called once per subset: bit j of `mask` ↔ criterion j; r2 is NaN when the subset is not fittable. */
export type SubsetVisitor = (mask: number, size: number, r2: number) => void;

export interface Hooks {
  /** Fraction done, 0..1; `state` when a pool runs the job (PoolHooks). */
  progress?(fraction: number, state?: JobState): void;
  /** Polled between chunks; true stops the work early. */
  cancelled?(): boolean;
  /** Async runners await this between chunks (the worker's yield); default: a macrotask. */
  pause?(): Promise<void>;
}

/** Upper limit of the exhaustive enumeration (2^26 ≈ 67 M subsets). */
export const MAX_ENUMERATED = 26;

export function popcount(x: number): number {
  let c = 0;
  for (let v = x >>> 0; v; v &= v - 1) c++;
  return c;
}

export class GrayEnumerator {
  /** Subsets this enumerator visits. */
  readonly total: number;
  private readonly start: number;
  private readonly end: number;
  /** The block's first subset is already in the state (no toggle before visiting it). */
  private first = false;
  private next = 0;
  private mask = 0;
  private size = 0;
  private readonly state: SweepState;
  private readonly red: Reduced;

  /**
   * Visits Gray-code positions `start` ≤ i < `end` (default: all 2^p). A block that starts past 0
   * sweeps its first subset g(start) in from the pristine matrix, so a block's values depend only on
   * (red, start, end) — the pool's blocks give the same numbers on any worker.
   */
  constructor(red: Reduced, start = 0, end?: number) {
    if (red.p > MAX_ENUMERATED) throw new RangeError(`p = ${red.p} > ${MAX_ENUMERATED}`);
    this.red = red;
    this.end = Math.min(end ?? 2 ** red.p, 2 ** red.p);
    this.start = start;
    this.total = this.end - start;
    this.next = start;
    this.state = new SweepState(red.corr, red.p + 1);
    if (start > 0) {
      const g = start ^ (start >>> 1);
      this.mask = g;
      this.size = popcount(g);
      this.state.rebuild(maskToMembers(g, red.p));
      this.first = true;
    }
  }

  get done(): boolean {
    return this.next >= this.end;
  }

  get visited(): number {
    return this.next - this.start;
  }

  /** Visits up to `maxSteps` further subsets; returns true when all have been visited. */
  step(maxSteps: number, visit: SubsetVisitor): boolean {
    const { rssBase, tss } = this.red;
    const ratio = rssBase / tss;
    const end = Math.min(this.end, this.next + maxSteps);
    const st = this.state;
    for (let i = this.next; i < end; i++) {
      if (this.first) this.first = false;
      else if (i > 0) {
        // Gray code g(i) = i ^ (i >> 1) differs from g(i−1) in the lowest set bit of i.
        const b = 31 - Math.clz32(i & -i);
        st.toggle(b);
        this.mask ^= 1 << b;
        this.size += st.member[b] ? 1 : -1;
      }
      visit(this.mask, this.size, 1 - ratio * st.residualShare());
    }
    this.next = end;
    return this.done;
  }
}

const CHUNK = 1 << 14;

// The engine is type-checked without DOM or Node types (tsconfig.engine.json); every host it runs in
// (worker, browser, Node) has this timer.
declare const setTimeout: (callback: () => void, ms: number) => unknown;

/** Runs an enumerator to completion synchronously; returns false if cancelled. */
export function runAll(e: GrayEnumerator, visit: SubsetVisitor, hooks: Hooks = {}): boolean {
  while (!e.done) {
    if (hooks.cancelled?.()) return false;
    e.step(CHUNK, visit);
    hooks.progress?.(e.visited / e.total);
  }
  return true;
}

/** As runAll, but yields to the event loop between chunks so cancel messages can arrive. */
export async function runAllAsync(
  e: GrayEnumerator,
  visit: SubsetVisitor,
  hooks: Hooks = {},
): Promise<boolean> {
  while (!e.done) {
    await (hooks.pause ? hooks.pause() : new Promise<void>((r) => setTimeout(r, 0)));
    if (hooks.cancelled?.()) return false;
    e.step(CHUNK * 4, visit);
    hooks.progress?.(e.visited / e.total);
  }
  return true;
}

/** R² of every subset, indexed by mask. */
export function allSubsetR2(red: Reduced, hooks: Hooks = {}): Float64Array | null {
  const out = new Float64Array(2 ** red.p);
  const ok = runAll(new GrayEnumerator(red), (mask, _size, r2) => (out[mask] = r2), hooks);
  return ok ? out : null;
}

/** Exact R² and coefficients (original units) of one subset, from a fresh sweep of the pristine matrix. */
export function fitSubset(red: Reduced, members: ArrayLike<number>): { r2: number; coef: Float64Array } {
  const st = new SweepState(red.corr, red.p + 1);
  st.rebuild(members);
  const coef = new Float64Array(red.p).fill(NaN);
  for (let j = 0; j < red.p; j++) {
    if (members[j]) coef[j] = (st.coefficient(j) * red.scale[red.p]) / red.scale[j];
  }
  return { r2: 1 - (red.rssBase / red.tss) * st.residualShare(), coef };
}

export function maskToMembers(mask: number, p: number): Uint8Array {
  const m = new Uint8Array(p);
  for (let j = 0; j < p; j++) m[j] = (mask >>> j) & 1;
  return m;
}
