/**
 * Leave-one-year-out: the pooled model refitted once without each year, to show whether a single
 * year drives a criterion's coefficient (a robustness check the per-year fits cannot give, because
 * they have only one year's rows each).
 */
import { fitModel } from '../model/fitModel';
import type { Coefficient, ModelSpec } from '../model/types';
import type { Problem } from '../problem';
import type { Table } from '../table';

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

export function leaveOneYearOut(
  table: Table,
  spec: ModelSpec,
  hooks: { cancelled?(): boolean; progress?(f: number): void } = {},
): LeaveOneYearOut {
  const pooled: ModelSpec = { ...spec, design: 'pooled' };
  const full = fitModel(table, pooled).fits[0]?.outcome;
  const years = full && full.ok ? full.years : [];
  const all = full && full.ok ? row(table, pooled, NaN) : null;
  const fits: LeaveOneOutFit[] = [];
  for (let i = 0; i < years.length && years.length > 1; i++) {
    if (hooks.cancelled?.()) break;
    hooks.progress?.(i / years.length);
    const keep = years.filter((y) => y !== years[i]);
    const base = spec.sample?.years?.length ? spec.sample.years.filter((y) => keep.includes(y)) : keep;
    fits.push(row(table, { ...pooled, sample: { ...(spec.sample ?? {}), years: base } }, years[i]));
  }
  const maxShift = spec.regressors.map((_, j) =>
    fits.reduce((m, f) => (all && f.ok ? Math.max(m, Math.abs(f.estimate[j] - all.estimate[j])) : m), 0),
  );
  return { criteria: [...spec.regressors], all, fits, maxShift };
}
