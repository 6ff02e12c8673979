/**
 * Leave-one-year-out: the pooled model refitted once without each year, to show whether a single
 * year drives a criterion's coefficient (a robustness check the per-year fits cannot give, because
 * they have only one year's rows each).
 */
import { fitModel } from '../model/fitModel';
import type { Coefficient, ModelSpec } from '../model/types';
import type { Problem } from '../problem';
import type { Table } from '../table';
import { variablesOf } from '../importance/commonRows';
import { restrictRows } from '../importance/subTable';
import { runInline, runInlineAsync, type JobRunner, type PoolHooks, type PoolJob } from '../parallel/job';

export interface LeaveOneOutFit {
  /** The year left out. */
  year: number;
  ok: boolean;
  n: number;
  r2: number;
  /** Per criterion (spec order): estimate, CI; NaN when the fit failed. */
  estimate: number[];
  ciLow: number[];
  ciHigh: number[];
  problem?: Problem;
}

export interface LeaveOneYearOut {
  criteria: string[];
  /** The pooled fit on all years (reference row). */
  all: LeaveOneOutFit | null;
  fits: LeaveOneOutFit[];
  /** Largest |change| of each criterion's estimate against the all-years fit. */
  maxShift: number[];
}

function row(table: Table, spec: ModelSpec, year: number): LeaveOneOutFit {
  const res = fitModel(table, spec);
  const out = res.fits[0]?.outcome;
  const nan = () => spec.regressors.map(() => NaN);
  if (!out || !out.ok) {
    return { year, ok: false, n: out?.n ?? 0, r2: NaN, estimate: nan(), ciLow: nan(), ciHigh: nan(), problem: out?.problem };
  }
  const coefs = out.coefficients;
  const pick = (f: (c: Coefficient) => number) =>
    spec.regressors.map((name) => {
      const c = coefs.find((x) => x.name === name);
      return c ? f(c) : NaN;
    });
  return {
    year,
    ok: true,
    n: out.n,
    r2: out.r2,
    estimate: pick((c) => c.estimate),
    ciLow: pick((c) => c.ciLow),
    ciHigh: pick((c) => c.ciHigh),
  };
}

/** What a block needs (cloneable: blocks run in pool workers): the pooled spec, the years of the
 *  all-years fit, and the table cut to the columns the model reads (all rows, so row numbers hold). */
export interface LeaveOneYearOutInput {
  table: Table;
  spec: ModelSpec;
  years: number[];
}

/** Leave-one-year-out as a pool job (src/engine/parallel/job.ts): block i refits without years[i]. */
export const leaveOneYearOutJob: PoolJob<LeaveOneYearOutInput, LeaveOneOutFit, LeaveOneOutFit[]> = {
  name: 'leave-one-year-out',
  blockCount: ({ years }) => (years.length > 1 ? years.length : 0),
  runBlock({ table, spec, years }, i) {
    const keep = years.filter((y) => y !== years[i]);
    const base = spec.sample?.years?.length ? spec.sample.years.filter((y) => keep.includes(y)) : keep;
    return row(table, { ...spec, sample: { ...(spec.sample ?? {}), years: base } }, years[i]);
  },
  merge: (_input, parts, done) => parts.slice(0, done),
  // Each refit costs about rows · k² multiply-adds; below ~2^26 in all (tens of milliseconds, e.g.
  // the demo: 3 570 rows, k = 15, 10 years ≈ 8 M) the pool's start costs more than it saves.
  small({ table, spec, years }) {
    const k = 1 + spec.regressors.length + (spec.controls?.length ?? 0) + years.length;
    return table.nRows * k * k * years.length < 2 ** 26;
  },
};

interface Prepared {
  input: LeaveOneYearOutInput;
  all: LeaveOneOutFit | null;
}

function prepare(table: Table, spec: ModelSpec): Prepared {
  const pooled: ModelSpec = { ...spec, design: 'pooled' };
  const cols = [...variablesOf(pooled), ...(pooled.interactions ?? []).flatMap((x) => [x.variable, x.with])];
  const cut = restrictRows(table, Int32Array.from({ length: table.nRows }, (_, i) => i), cols);
  const full = fitModel(cut, pooled).fits[0]?.outcome;
  const years = full && full.ok ? full.years : [];
  const all = full && full.ok ? row(cut, pooled, NaN) : null;
  return { input: { table: cut, spec: pooled, years }, all };
}

function summarise(spec: ModelSpec, all: LeaveOneOutFit | null, fits: LeaveOneOutFit[]): LeaveOneYearOut {
  const maxShift = spec.regressors.map((_, j) =>
    fits.reduce((m, f) => (all && f.ok ? Math.max(m, Math.abs(f.estimate[j] - all.estimate[j])) : m), 0),
  );
  return { criteria: [...spec.regressors], all, fits, maxShift };
}

/** The refits in this thread (the same blocks as on the pool). */
export function leaveOneYearOut(table: Table, spec: ModelSpec, hooks: PoolHooks = {}): LeaveOneYearOut {
  const { input, all } = prepare(table, spec);
  return summarise(spec, all, runInline(leaveOneYearOutJob, input, hooks));
}

/** As leaveOneYearOut, the refits run through `run` (the host's worker pool, src/pool/runner.ts;
 *  default this thread); a pool that cannot finish answers with a Problem. */
export async function leaveOneYearOutAsync(
  table: Table,
  spec: ModelSpec,
  hooks: PoolHooks = {},
  run: JobRunner = runInlineAsync,
): Promise<LeaveOneYearOut | Problem> {
  const { input, all } = prepare(table, spec);
  const fits = await run(leaveOneYearOutJob, input, hooks);
  if ('code' in fits) return fits;
  return summarise(spec, all, fits);
}
