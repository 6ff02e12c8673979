/**
 * Relative importance of the criteria of one model, with intercept, year effects and controls
 * always in and not decomposed (docs/METHODS.md §4; oracle `relimp`): one-at-a-time R² (SØF 2017, Table 25),
 * the stepwise order (Table 20), last-in increments and the LMG/Shapley decomposition.
 */
import { problem, type Problem } from '../problem';
import type { Reduced } from './partialOut';
import { allSubsetR2, fitSubset, type Hooks } from './enumerate';
import { SweepState } from './sweep';
import { sampledLmgJob, type SampledLmg, type SampledLmgInput } from './sampledLmg';
import { runInline, runInlineAsync, type JobRunner } from '../parallel/job';

export interface RelImpOptions {
  /** Exact LMG (from all 2^p subsets) up to this many criteria; sampled orderings beyond. */
  exactMax?: number;
  /** Random orderings for the sampled LMG. */
  samples?: number;
  seed?: number;
}

export interface RelImpResult {
  criteria: string[];
  n: number;
  r2Full: number;
  r2Base: number;
  r2Decomposed: number;
  lmg: number[];
  lmgShare: number[];
  /** Monte-Carlo standard error of each LMG value (0 when exact). */
  lmgSe: number[];
  lmgMethod: 'exact' | 'sampled';
  orderings: number;
  oneAtATimeR2: number[];
  oneAtATimeIncrement: number[];
  lastIn: number[];
  /** Criteria indices in descending one-at-a-time R² (the entry order of the stepwise table). */
  stepwiseOrder: number[];
  /** R² after adding the first 1, 2, … criteria of stepwiseOrder. */
  stepwiseR2: number[];
  /** R² of every subset by mask (bit j ↔ criterion j), only when exact. */
  subsetR2: Float64Array | null;
  cancelled: boolean;
}

const ones = (p: number) => new Uint8Array(p).fill(1);

function r2Of(red: Reduced, members: Uint8Array): number {
  return fitSubset(red, members).r2;
}

/** The criteria that a fresh sweep of the full set cannot take in (exactly collinear ones). */
function collinearCriteria(red: Reduced): string[] {
  const st = new SweepState(red.corr, red.p + 1);
  const bad: string[] = [];
  for (let j = 0; j < red.p; j++) {
    st.toggle(j);
    if (!st.fittable) {
      bad.push(red.names[j]);
      st.toggle(j);
    }
  }
  return bad;
}

/** LMG weights |S|!(p−|S|−1)!/p! for |S| = 0..p−1, computed as products to avoid factorial overflow. */
function shapleyWeights(p: number): Float64Array {
  const w = new Float64Array(p);
  for (let s = 0; s < p; s++) {
    // 1 / (p · C(p−1, s))
    let c = 1;
    for (let i = 1; i <= s; i++) c = (c * (p - 1 - s + i)) / i;
    w[s] = 1 / (p * c);
  }
  return w;
}

function popcount(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}

export function exactLmg(r2: Float64Array, p: number): number[] {
  const w = shapleyWeights(p);
  const out = new Array<number>(p).fill(0);
  for (let j = 0; j < p; j++) {
    const bit = 1 << j;
    let sum = 0;
    for (let mask = 0; mask < r2.length; mask++) {
      if (mask & bit) continue;
      sum += w[popcount(mask)] * (r2[mask | bit] - r2[mask]);
    }
    out[j] = sum;
  }
  return out;
}

/** Everything but the LMG values: one-at-a-time, last-in and stepwise R², or why R² cannot be split. */
type Base = Omit<RelImpResult, 'lmg' | 'lmgShare' | 'lmgSe' | 'lmgMethod' | 'orderings' | 'subsetR2' | 'cancelled'>;

function base(red: Reduced): Base | Problem {
  const p = red.p;
  const bad = collinearCriteria(red);
  if (bad.length > 0) {
    return problem(
      'collinear',
      `Kriteriene er kolineære (${bad.join(', ')}); R² kan ikke dekomponeres.`,
      `The criteria are collinear (${bad.join(', ')}); R² cannot be decomposed.`,
      { variables: bad },
    );
  }
  const full = ones(p);
  const r2Full = r2Of(red, full);
  const oneAtATimeR2 = red.names.map((_, j) => {
    const m = new Uint8Array(p);
    m[j] = 1;
    return r2Of(red, m);
  });
  const lastIn = red.names.map((_, j) => {
    const m = ones(p);
    m[j] = 0;
    return r2Full - r2Of(red, m);
  });
  const stepwiseOrder = red.names.map((_, j) => j).sort((a, b) => oneAtATimeR2[b] - oneAtATimeR2[a] || a - b);
  const stepwiseR2: number[] = [];
  const acc = new Uint8Array(p);
  for (const j of stepwiseOrder) {
    acc[j] = 1;
    stepwiseR2.push(r2Of(red, acc));
  }
  return {
    criteria: [...red.names],
    n: red.n,
    r2Full,
    r2Base: red.r2Base,
    r2Decomposed: r2Full - red.r2Base,
    oneAtATimeR2,
    oneAtATimeIncrement: oneAtATimeR2.map((v) => v - red.r2Base),
    lastIn,
    stepwiseOrder,
    stepwiseR2,
  };
}

function withLmg(b: Base, lmg: number[], rest: Pick<RelImpResult, 'lmgSe' | 'lmgMethod' | 'orderings' | 'subsetR2' | 'cancelled'>): RelImpResult {
  const total = lmg.reduce((x, y) => x + y, 0);
  return { ...b, lmg, lmgShare: lmg.map((v) => v / total), ...rest };
}

function exact(red: Reduced, b: Base, hooks: Hooks): RelImpResult {
  const p = red.p;
  const subsetR2 = allSubsetR2(red, hooks);
  const lmg = subsetR2 ? exactLmg(subsetR2, p) : new Array<number>(p).fill(NaN);
  const orderings = p <= 20 ? factorial(p) : Infinity;
  return withLmg(b, lmg, { lmgSe: new Array<number>(p).fill(0), lmgMethod: 'exact', orderings, subsetR2, cancelled: !subsetR2 });
}

function sampled(b: Base, samples: number, s: SampledLmg): RelImpResult {
  return withLmg(b, s.mean, { lmgSe: s.se, lmgMethod: 'sampled', orderings: s.done, subsetR2: null, cancelled: s.done < samples });
}

function sampledInput(red: Reduced, opts: RelImpOptions): SampledLmgInput {
  return { red, samples: opts.samples ?? 20000, seed: opts.seed ?? 1 };
}

/** The decomposition in this thread. Exact LMG from all 2^p subsets up to `exactMax` criteria,
 *  else sampled orderings (the same blocks and numbers as on the worker pool). */
export function relativeImportance(red: Reduced, opts: RelImpOptions = {}, hooks: Hooks = {}): RelImpResult | Problem {
  const b = base(red);
  if ('code' in b) return b;
  if (red.p <= (opts.exactMax ?? 15)) return exact(red, b, hooks);
  const input = sampledInput(red, opts);
  return sampled(b, input.samples, runInline(sampledLmgJob, input, hooks));
}

/** As relativeImportance, with the sampled orderings run through `run` (the host's worker pool,
 *  src/pool/runner.ts; default this thread). The result is the same either way. */
export async function relativeImportanceAsync(
  red: Reduced,
  opts: RelImpOptions = {},
  hooks: Hooks = {},
  run: JobRunner = runInlineAsync,
): Promise<RelImpResult | Problem> {
  const b = base(red);
  if ('code' in b) return b;
  if (red.p <= (opts.exactMax ?? 15)) return exact(red, b, hooks);
  const input = sampledInput(red, opts);
  const s = await run(sampledLmgJob, input, hooks);
  if ('code' in s) return s;
  return sampled(b, input.samples, s);
}

function factorial(p: number): number {
  let f = 1;
  for (let i = 2; i <= p; i++) f *= i;
  return f;
}
