/**
 * Pure helpers of the model view: editing the model list, and laying results out the way the
 * research reports do (coefficient with stars, SE in parentheses below; N, R² and clusters at the foot).
 */
import type { Coefficient, FitOutcome, ModelResult } from '../../engine/model/types';
import type { AnalysisSpec } from '../../spec/schema';
import { modelEntrySchema, type ModelEntry } from '../../spec/sections/models';
import { layoutTerms, orderColumns } from '../../export/regressionLayout';

export const INTERCEPT = '(Intercept)';
const YEAR_PREFIX = 'year_';

export function isYearEffect(name: string): boolean {
  return name.startsWith(YEAR_PREFIX) && /^\d+$/.test(name.slice(YEAR_PREFIX.length));
}

function freshId(list: ModelEntry[]): string {
  const ids = new Set(list.map((m) => m.id));
  let i = list.length + 1;
  while (ids.has(`m${i}`)) i++;
  return `m${i}`;
}

/** A new model starts as a copy of the last one's dependent and design, with no criteria. */
export function addModel(spec: AnalysisSpec, fallbackDependent = '', labelPrefix = 'Modell'): string {
  const list = spec.models.list;
  const last = list[list.length - 1];
  const id = freshId(list);
  const entry = modelEntrySchema.parse({
    id,
    label: `${labelPrefix} ${list.length + 1}`,
    dependent: last?.dependent ?? fallbackDependent,
    regressors: [],
    design: last?.design ?? 'pooled',
    se: last?.se ?? 'cluster',
  });
  list.push(entry);
  if (spec.models.shown.length > 0) spec.models.shown.push(id);
  return id;
}

export function duplicateModel(spec: AnalysisSpec, id: string, copySuffix = '(kopi)'): string | null {
  const list = spec.models.list;
  const at = list.findIndex((m) => m.id === id);
  if (at < 0) return null;
  const copy: ModelEntry = {
    ...structuredClone(list[at]),
    id: freshId(list),
    label: `${list[at].label} ${copySuffix}`,
  };
  list.splice(at + 1, 0, copy);
  const shownAt = spec.models.shown.indexOf(id);
  if (shownAt >= 0) spec.models.shown.splice(shownAt + 1, 0, copy.id);
  return copy.id;
}

/**
 * SINTEF 2014's Tables 10.1–10.2: the same model by OLS, robust regression and median regression, year
 * by year side by side with t-values. Adds a robust and a median copy after the model (shown), and
 * sets the table to columns by year and t-values in parentheses. Returns the new ids.
 */
export function addEstimatorComparison(spec: AnalysisSpec, id: string, names: { robust: string; median: string }): string[] {
  const list = spec.models.list;
  const at = list.findIndex((m) => m.id === id);
  if (at < 0) return [];
  const src = list[at];
  const ids: string[] = [];
  (['robust', 'median'] as const).forEach((estimator, j) => {
    const copy: ModelEntry = {
      ...structuredClone(src),
      id: freshId(list),
      label: `${src.label} – ${names[estimator]}`,
      estimator,
      // rreg has its own SEs; the median gets quantreg's iid SEs (Stata qreg's default kind).
      se: 'classical',
      weights: null,
    };
    list.splice(at + 1 + j, 0, copy);
    ids.push(copy.id);
  });
  if (spec.models.shown.length > 0) {
    let shownAt = spec.models.shown.indexOf(id);
    if (shownAt < 0) shownAt = spec.models.shown.push(id) - 1;
    spec.models.shown.splice(shownAt + 1, 0, ...ids);
  }
  spec.models.columnOrder = 'year';
  spec.models.parens = 't';
  return ids;
}

export function removeModel(spec: AnalysisSpec, id: string): void {
  spec.models.list = spec.models.list.filter((m) => m.id !== id);
  spec.models.shown = spec.models.shown.filter((s) => s !== id);
}

/** Models in the side-by-side table: `shown` in its order, or every model when `shown` is empty. */
export function shownModels(spec: AnalysisSpec): ModelEntry[] {
  const { list, shown } = spec.models;
  if (shown.length === 0) return list;
  return shown.map((id) => list.find((m) => m.id === id)).filter((m): m is ModelEntry => m !== undefined);
}

export function setShown(spec: AnalysisSpec, id: string, show: boolean): void {
  const all = spec.models.list.map((m) => m.id);
  const current = spec.models.shown.length === 0 ? all : spec.models.shown;
  const next = show ? all.filter((m) => current.includes(m) || m === id) : current.filter((m) => m !== id);
  // Everything shown is stored as "shown = []" so that new models appear automatically.
  spec.models.shown = next.length === all.length ? [] : next;
}

export interface ResultColumn {
  key: string;
  /** 1-based position of the model in the model list, as in "(1)" (same number as its edit button). */
  number: number;
  entry: ModelEntry;
  year: number | null;
  outcome: FitOutcome | null;
}

/** One column per model, or one per year for per-year models; `order` 'year' puts each year's
 *  models side by side. */
export function resultColumns(
  entries: ModelEntry[],
  results: Record<string, ModelResult> | undefined,
  all: ModelEntry[] = entries,
  order: 'model' | 'year' = 'model',
): ResultColumn[] {
  const cols: ResultColumn[] = [];
  entries.forEach((entry) => {
    const i = Math.max(
      0,
      all.findIndex((m) => m.id === entry.id),
    );
    const r = results?.[entry.id];
    if (!r || r.fits.length === 0) {
      cols.push({ key: entry.id, number: i + 1, entry, year: null, outcome: null });
      return;
    }
    for (const f of r.fits) {
      cols.push({
        key: `${entry.id}:${f.year ?? ''}`,
        number: i + 1,
        entry,
        year: f.year,
        outcome: f.outcome,
      });
    }
  });
  return orderColumns(cols, order);
}

export interface CoefficientRow {
  name: string;
  cells: (Coefficient | null)[];
  /** Set on the rows of a criterion × year group: the criterion (its first row opens the group). */
  group?: string;
  groupStart?: boolean;
}

/**
 * Criteria in the models' order, then controls and products (a × b), then each criterion × year
 * group, year effects (optional), the constant last (regressionLayout.ts, shared with the exports).
 */
export function coefficientRows(cols: ResultColumn[], showYearEffects: boolean): CoefficientRow[] {
  const first: string[] = [];
  for (const c of cols) for (const n of c.entry.regressors) if (!first.includes(n)) first.push(n);
  for (const c of cols) for (const n of c.entry.controls ?? []) if (!first.includes(n)) first.push(n);
  const present: string[] = [];
  for (const c of cols) if (c.outcome?.ok) for (const k of c.outcome.coefficients) present.push(k.name);
  const t = layoutTerms(first, present);
  const cells = (name: string) =>
    cols.map((c) => (c.outcome?.ok ? (c.outcome.coefficients.find((k) => k.name === name) ?? null) : null));
  const rows: CoefficientRow[] = t.main.map((name) => ({ name, cells: cells(name) }));
  for (const g of t.yearGroups) {
    g.names.forEach((name, j) => rows.push({ name, cells: cells(name), group: g.variable, groupStart: j === 0 }));
  }
  if (showYearEffects) for (const name of t.years) rows.push({ name, cells: cells(name) });
  if (t.intercept) rows.push({ name: t.intercept, cells: cells(t.intercept) });
  return rows.filter((r) => r.cells.some((c) => c !== null));
}
