/**
 * Model comparison in the report layout (seed 000 Tables 6 and 13): today's key as the baseline
 * column, candidate models beside it, one row per coefficient with shared significance stars,
 * N and R² per column, and ΔR² against the baseline in absolute terms and in percent.
 */
import { stars as starsFor } from '../ols/stars';
import type { ModelResult } from '../model/types';
import type { Problem } from '../problem';

export interface ComparisonCell {
  estimate: number;
  se: number;
  p: number;
  stars: string;
}

export interface ComparisonColumn {
  id: string;
  label: string;
  ok: boolean;
  n: number;
  r2: number;
  adjR2: number;
  /** r2 − r2 of the baseline (0 for the baseline itself; NaN when either fit failed). */
  deltaR2: number;
  /** deltaR2 / r2 of the baseline. */
  deltaR2Pct: number;
  nClusters?: number;
  se?: string;
  /** Coefficient name → cell; year dummies are summarised in `yearEffects`. */
  cells: Record<string, ComparisonCell>;
  yearEffects: boolean;
  problem?: Problem;
}

export interface ModelComparison {
  /** Row order: the baseline's coefficients, then new ones in the order the columns bring them. */
  rows: string[];
  columns: ComparisonColumn[];
  starThresholds: number[];
}

export interface NamedResult {
  id: string;
  label: string;
  result: ModelResult | undefined;
}

const isYear = (name: string) => name.startsWith('year_');

function column(m: NamedResult, thresholds: number[]): ComparisonColumn {
  const out = m.result?.fits[0]?.outcome;
  if (!out || !out.ok) {
    return {
      id: m.id,
      label: m.label,
      ok: false,
      n: out?.n ?? 0,
      r2: NaN,
      adjR2: NaN,
      deltaR2: NaN,
      deltaR2Pct: NaN,
      cells: {},
      yearEffects: false,
      problem: out && !out.ok ? out.problem : undefined,
    };
  }
  const cells: Record<string, ComparisonCell> = {};
  let yearEffects = false;
  for (const c of out.coefficients) {
    if (isYear(c.name)) {
      yearEffects = true;
      continue;
    }
    cells[c.name] = { estimate: c.estimate, se: c.se, p: c.p, stars: starsFor(c.p, thresholds) };
  }
  return {
    id: m.id,
    label: m.label,
    ok: true,
    n: out.n,
    r2: out.r2,
    adjR2: out.adjR2,
    deltaR2: 0,
    deltaR2Pct: 0,
    nClusters: out.nClusters,
    se: out.se,
    cells,
    yearEffects,
  };
}

/** The first column is the baseline; ΔR² of every column is measured against it. */
export function compareModels(models: NamedResult[], thresholds: number[] = [0.01, 0.05, 0.1]): ModelComparison {
  const columns = models.map((m) => column(m, thresholds));
  const base = columns[0];
  for (const c of columns) {
    const ok = base && base.ok && c.ok;
    c.deltaR2 = ok ? c.r2 - base.r2 : NaN;
    c.deltaR2Pct = ok && base.r2 !== 0 ? (c.r2 - base.r2) / base.r2 : NaN;
  }
  const rows: string[] = [];
  const intercepts: string[] = [];
  for (const c of columns) {
    for (const name of Object.keys(c.cells)) {
      if (rows.includes(name) || intercepts.includes(name)) continue;
      // The constant goes last, as in the report tables.
      if (name === '(Intercept)' || name === 'intercept') intercepts.push(name);
      else rows.push(name);
    }
  }
  return { rows: [...rows, ...intercepts], columns, starThresholds: thresholds };
}
