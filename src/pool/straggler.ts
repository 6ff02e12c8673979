/**
 * When a pool block counts as hung. A worker that stops without an error (an endless loop, a lost
 * message, a thread the OS starves) never tells the pool, so the pool compares each running block
 * with the blocks of the same job that have finished: a job's blocks are the same size (2^16 subsets,
 * 64 replications, one refit per year), so one that runs many times the median is not just slow.
 * The floor keeps a loaded machine's pauses (GC, a CPU hog, a backgrounded tab) from counting; before
 * any block has finished there is no median, and only a long absolute wait says «hung».
 *
 * A hung block gets a backup copy (speculative re-execution, src/pool/pool.ts); blocks are pure, so
 * whichever copy answers first gives the same bits. A backup that hangs too counts as the second
 * failure, and the job stops with the error the user sees.
 */
export interface StragglerPolicy {
  /** A block is hung once it has run this many times the median finished block… */
  factor: number;
  /** …and at least this long (ms). */
  floorMs: number;
  /** Before any block of the job has finished: hung after this long (ms). */
  firstMs: number;
}

export const DEFAULT_STRAGGLER: StragglerPolicy = { factor: 8, floorMs: 3_000, firstMs: 30_000 };

/** The run times of a job's finished blocks, kept sorted for the median. */
export class BlockTimes {
  private readonly sorted: number[] = [];

  add(ms: number): void {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid] <= ms) lo = mid + 1;
      else hi = mid;
    }
    this.sorted.splice(lo, 0, ms);
  }

  /** The median finished block (ms), or null before any has finished. */
  median(): number | null {
    const n = this.sorted.length;
    if (n === 0) return null;
    return n % 2 ? this.sorted[(n - 1) / 2] : (this.sorted[n / 2 - 1] + this.sorted[n / 2]) / 2;
  }

  /** How long a block may run (ms) before it counts as hung. */
  hungAfter(policy: StragglerPolicy): number {
    const m = this.median();
    return m === null ? Math.max(policy.floorMs, policy.firstMs) : Math.max(policy.floorMs, policy.factor * m);
  }
}
