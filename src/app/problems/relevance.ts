/**
 * Which messages a view shows. The Data view shows what concerns files and the joined data; the
 * Variabler view what concerns building variables; an analysis view only what affects its results:
 * messages about a variable its models (or the population variable) use, and errors that stop
 * everything (a file that is not loaded, a failed computation). A routine note about a file's
 * aggregates is no concern of «Kostnadsnøkkel»; it stays on the Data view.
 */
import type { Problem } from '../../engine/problem';

/** Codes about the joined data set that the Data view owns even without a file in `where`. */
const DATA_CODES = new Set([
  'unmatched-codes',
  'split-left-out',
  'split-partial',
  'duplicate-key',
  'non-additive-merge',
  'rate-recomputed',
  'rate-spec-unknown',
  'national-only',
  'no-year',
  'change-table-unreadable',
  'zero-unit-years',
]);

/**
 * Codes that stop every view: shown everywhere. A dataset over its cell limit joins no file, so the
 * Data view (where the files are) must say so too, not only the analysis views.
 */
const EVERYWHERE = new Set([
  'source-not-loaded',
  'load-failed',
  'worker-error',
  'spec-invalid',
  'spec-too-new',
  'spec-unknown-version',
  'spec-not-object',
  'dataset-too-large',
  'spec-too-many-models',
  'spec-too-many-variables',
  'spec-too-many-files',
]);

export interface ViewContext {
  /** Variables the analysis uses: the population, model variables, weights, clusters … */
  used: ReadonlySet<string>;
}

function isDataProblem(p: Problem): boolean {
  return p.where?.file !== undefined || DATA_CODES.has(p.code);
}

function mentions(p: Problem, used: ReadonlySet<string>): boolean {
  const w = p.where;
  if (!w) return false;
  if (w.variable !== undefined && used.has(w.variable)) return true;
  if (w.column !== undefined && used.has(w.column)) return true;
  return (w.variables ?? []).some((v) => used.has(v));
}

export function problemsForView(view: string | undefined, problems: Problem[], ctx: ViewContext): Problem[] {
  return problems.filter((p) => {
    if (EVERYWHERE.has(p.code)) return true;
    if (view === 'data') return isDataProblem(p);
    if (view === 'variables') return !isDataProblem(p) || p.code === 'population-not-found';
    // Analysis views: what touches the variables in use; a located problem elsewhere is not theirs.
    if (isDataProblem(p)) return p.severity !== 'info' && mentions(p, ctx.used);
    if (mentions(p, ctx.used)) return true;
    return !p.where && p.severity === 'error';
  });
}

/** The variables an analysis uses, from the spec's models and the population variable. */
export function usedVariables(spec: {
  variables: { population: string };
  models: { list: { dependent: string; regressors: string[]; controls: string[]; weights?: string | null; cluster?: string | null }[] };
}): Set<string> {
  const out = new Set<string>([spec.variables.population]);
  for (const m of spec.models.list) {
    out.add(m.dependent);
    for (const v of [...m.regressors, ...m.controls]) out.add(v);
    if (m.weights) out.add(m.weights);
    if (m.cluster) out.add(m.cluster);
  }
  return out;
}
