/**
 * Best-subset search over up to 25 candidate criteria, with intercept, year effects and controls in
 * every model (oracle `subsets`). Every subset is evaluated (depth-first elimination, subsetTree.ts),
 * the top N of each size are kept by R² in fixed-size typed arrays (no per-subset allocation). Within one size adjusted R² and BIC order models exactly as R² does (same n
 * and k), so the overall best by adjusted R² or BIC is among the per-size lists. Reported numbers
 * come from a fresh sweep of each kept model, not from the incremental state.
 */
import { problem, type Problem } from '../problem';
import type { Reduced } from './partialOut';
import { fitSubset, maskToMembers, type Hooks } from './enumerate';
import { SubsetTree } from './subsetTree';
import { runInline, runInlineAsync, type JobRunner, type PoolJob } from '../parallel/job';

/** 25 candidates (2^25 ≈ 34 M subsets) is a realistic list in a key revision; with the worker pool
 *  it takes seconds (README «Ytelse»). */
export const MAX_CANDIDATES = 25;

/** Criteria enumerated inside one pool block: block b holds the 2^16 subsets whose higher bits are b
 *  (subsetTree.ts), independent of the number of workers. */
const BLOCK_BITS = 16;
export const SUBSET_BLOCK = 1 << BLOCK_BITS;

export interface SubsetModel {
  size: number;
  mask: number;
  members: string[];
  r2: number;
  adjR2: number;
  /** n·log(RSS/n) + k·log n, k = always-in columns + size. */
  bic: number;
  /** Coefficient per member (original units, model with the always-in columns). */
  coefficients: number[];
}

export interface SignChange {
  criterion: string;
  positive: number;
  negative: number;
}

export interface SubsetSearchResult {
  candidates: string[];
  n: number;
  /** Always-in columns (intercept + year dummies + controls). */
  kForced: number;
  r2Base: number;
  bySize: { size: number; models: SubsetModel[] }[];
  bestByAdjR2: SubsetModel[];
  bestByBic: SubsetModel[];
  /** Criteria whose sign differs across the models in bySize (the top N of each size). */
  signChanges: SignChange[];
  evaluated: number;
  notFittable: number;
  cancelled: boolean;
}

export interface SearchOptions {
  /** Models kept per size. */
  top?: number;
}

/** Keeps the `top` highest R² per size; arrays are sorted descending. */
class TopLists {
  readonly r2: Float64Array[];
  readonly mask: Int32Array[];
  readonly count: Int32Array;
  notFittable = 0;
  constructor(p: number, readonly top: number) {
    this.r2 = Array.from({ length: p + 1 }, () => new Float64Array(top).fill(-Infinity));
    this.mask = Array.from({ length: p + 1 }, () => new Int32Array(top));
    this.count = new Int32Array(p + 1);
  }
  visit = (mask: number, size: number, r2: number): void => {
    if (Number.isNaN(r2)) {
      this.notFittable++;
      return;
    }
    const r = this.r2[size];
    const last = this.top - 1;
    if (r2 <= r[last]) return;
    const m = this.mask[size];
    let i = last;
    while (i > 0 && r[i - 1] < r2) {
      r[i] = r[i - 1];
      m[i] = m[i - 1];
      i--;
    }
    r[i] = r2;
    m[i] = mask;
    if (this.count[size] < this.top) this.count[size]++;
  };
}

function checkSize(red: Reduced): Problem | null {
  if (red.p > MAX_CANDIDATES) {
    return problem(
      'too-many-candidates',
      `Delmengdesøket tar høyst ${MAX_CANDIDATES} kandidater (${red.p} valgt).`,
      `The subset search takes at most ${MAX_CANDIDATES} candidates (${red.p} chosen).`,
    );
  }
  return null;
}

function finish(red: Reduced, lists: TopLists, evaluated: number, cancelled: boolean): SubsetSearchResult {
  const n = red.n;
  const bySize: SubsetSearchResult['bySize'] = [];
  const all: SubsetModel[] = [];
  for (let size = 1; size <= red.p; size++) {
    const models: SubsetModel[] = [];
    for (let t = 0; t < lists.count[size]; t++) {
      const mask = lists.mask[size][t];
      const members = maskToMembers(mask, red.p);
      const fit = fitSubset(red, members);
      const k = red.q + size;
      const rss = red.tss * (1 - fit.r2);
      const model: SubsetModel = {
        size,
        mask,
        members: red.names.filter((_, j) => members[j]),
        r2: fit.r2,
        adjR2: 1 - ((1 - fit.r2) * (n - 1)) / (n - k),
        bic: n * Math.log(rss / n) + k * Math.log(n),
        coefficients: Array.from(fit.coef).filter((_, j) => members[j]),
      };
      models.push(model);
      all.push(model);
    }
    // The exact refit can reorder near-ties that the incremental values had the other way round.
    models.sort((a, b) => b.r2 - a.r2);
    if (models.length) bySize.push({ size, models });
  }
  const top = lists.top;
  const bestByAdjR2 = [...all].sort((a, b) => b.adjR2 - a.adjR2).slice(0, top);
  const bestByBic = [...all].sort((a, b) => a.bic - b.bic).slice(0, top);
  const signs = new Map<string, SignChange>();
  for (const m of all) {
    m.members.forEach((name, i) => {
      const s = signs.get(name) ?? { criterion: name, positive: 0, negative: 0 };
      if (m.coefficients[i] > 0) s.positive++;
      else if (m.coefficients[i] < 0) s.negative++;
      signs.set(name, s);
    });
  }
  return {
    candidates: [...red.names],
    n,
    kForced: red.q,
    r2Base: red.r2Base,
    bySize,
    bestByAdjR2,
    bestByBic,
    signChanges: [...signs.values()].filter((s) => s.positive > 0 && s.negative > 0),
    evaluated,
    notFittable: lists.notFittable,
    cancelled,
  };
}

export interface SubsetJobInput {
  red: Reduced;
  top: number;
}

/** One block's top lists (per size, R² descending, ties in visit order). */
export interface SubsetPart {
  r2: Float64Array[];
  mask: Int32Array[];
  count: Int32Array;
  notFittable: number;
  visited: number;
}

/**
 * Best subsets as a pool job. Merging the blocks' top lists in block order through the same
 * insertion rule (higher R² first, ties to the earlier visit) gives exactly the top lists of one
 * pass over the blocks, so 1 and N workers rank identically.
 */
export const subsetsJob: PoolJob<SubsetJobInput, SubsetPart, SubsetSearchResult> = {
  name: 'subsets',
  blockCount: ({ red }) => Math.ceil(2 ** red.p / SUBSET_BLOCK),
  runBlock({ red, top }, b) {
    const lists = new TopLists(red.p, top);
    const visited = new SubsetTree(red, BLOCK_BITS).visitBlock(b, lists.visit);
    return { r2: lists.r2, mask: lists.mask, count: lists.count, notFittable: lists.notFittable, visited };
  },
  merge({ red, top }, parts, done) {
    const lists = new TopLists(red.p, top);
    let evaluated = 0;
    let notFittable = 0;
    for (let b = 0; b < done; b++) {
      const part = parts[b];
      for (let size = 0; size <= red.p; size++) for (let t = 0; t < part.count[size]; t++) lists.visit(part.mask[size][t], size, part.r2[size][t]);
      evaluated += part.visited;
      notFittable += part.notFittable;
    }
    lists.notFittable = notFittable;
    return finish(red, lists, evaluated, done < this.blockCount({ red, top }));
  },
};

export function subsetJobInput(red: Reduced, opts: SearchOptions = {}): SubsetJobInput {
  return { red, top: Math.max(2, opts.top ?? 5) };
}

/** The search in this thread (the single-worker reference; same blocks as the pool). */
export function searchSubsets(red: Reduced, opts: SearchOptions = {}, hooks: Hooks = {}): SubsetSearchResult | Problem {
  const bad = checkSize(red);
  if (bad) return bad;
  return runInline(subsetsJob, subsetJobInput(red, opts), hooks);
}

/** As searchSubsets, through `run`: the host's worker pool (src/pool/runner.ts), else this thread
 *  awaiting `hooks.pause` between blocks. Same blocks, same merge, same result either way. */
export async function searchSubsetsAsync(
  red: Reduced,
  opts: SearchOptions = {},
  hooks: Hooks = {},
  run: JobRunner = runInlineAsync,
): Promise<SubsetSearchResult | Problem> {
  const bad = checkSize(red);
  if (bad) return bad;
  return run(subsetsJob, subsetJobInput(red, opts), hooks);
}
