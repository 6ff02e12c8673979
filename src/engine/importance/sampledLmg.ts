/**
 * Sampled LMG (docs/METHODS.md §4): the mean increment of each criterion over random orderings, with
 * its Monte-Carlo standard error, as a pool job (src/engine/parallel/job.ts). The orderings are cut
 * into blocks of LMG_BLOCK; block b shuffles from its own stream seeded by (seed, b), and the merge
 * adds the blocks' sums in block order — so 1 or N workers give the same bits.
 */
import type { Reduced } from './partialOut';
import { SweepState } from './sweep';
import { blockSeed, Prng } from './prng';
import type { PoolJob } from '../parallel/job';

/** Orderings per block: a few milliseconds of work at p ≈ 20, so cancel stays prompt. */
export const LMG_BLOCK = 1024;

export interface SampledLmgInput {
  red: Reduced;
  samples: number;
  seed: number;
}

/** One block's sums of increments and of their squares, per criterion. */
export interface SampledLmgPart {
  sum: Float64Array;
  sumSq: Float64Array;
  done: number;
}

export interface SampledLmg {
  mean: number[];
  se: number[];
  /** Orderings drawn (fewer than asked when cancelled). */
  done: number;
}

export const sampledLmgJob: PoolJob<SampledLmgInput, SampledLmgPart, SampledLmg> = {
  name: 'sampled-lmg',
  blockCount: ({ samples }) => Math.ceil(samples / LMG_BLOCK),
  runBlock({ red, samples, seed }, b) {
    const p = red.p;
    const m = Math.min(samples, (b + 1) * LMG_BLOCK) - b * LMG_BLOCK;
    const rng = new Prng(blockSeed(seed, b));
    const order = Int32Array.from({ length: p }, (_, i) => i);
    const sum = new Float64Array(p);
    const sumSq = new Float64Array(p);
    const ratio = red.rssBase / red.tss;
    const st = new SweepState(red.corr, p + 1);
    const none = new Uint8Array(p);
    for (let r = 0; r < m; r++) {
      rng.shuffle(order);
      st.rebuild(none);
      let prev = 1 - ratio;
      for (let t = 0; t < p; t++) {
        const j = order[t];
        st.toggle(j);
        const cur = 1 - ratio * st.residualShare();
        const inc = cur - prev;
        sum[j] += inc;
        sumSq[j] += inc * inc;
        prev = cur;
      }
    }
    return { sum, sumSq, done: m };
  },
  merge({ red }, parts, done) {
    const p = red.p;
    const sum = new Float64Array(p);
    const sumSq = new Float64Array(p);
    let n = 0;
    for (let b = 0; b < done; b++) {
      const part = parts[b];
      for (let j = 0; j < p; j++) {
        sum[j] += part.sum[j];
        sumSq[j] += part.sumSq[j];
      }
      n += part.done;
    }
    const mean = Array.from(sum, (s) => s / n);
    const se = Array.from(sumSq, (s, j) => Math.sqrt(Math.max(0, s / n - mean[j] * mean[j]) / Math.max(1, n - 1)));
    return { mean, se, done: n };
  },
};
