/**
 * Limits of an analysis: a project file with 10^6 models hung the page, because every
 * model is validated, fitted and shown. The spec is checked against these before it is validated
 * or run (loadSpec: restore, project files, every edit, the CLI's `run`), and a spec over a limit
 * is refused with the number it has and the limit. README.md («Limits») lists them.
 */
import { problem, type Problem } from '../engine/problem';
import { formatInteger } from '../i18n/format';

/** Models of one analysis. */
export const MAX_MODELS = 200;
/** Derived variables (expenditure, ratios, age groups, formulas, residualised, groupings) together. */
export const MAX_DERIVED_VARIABLES = 2_000;
/** Files (sources) of one analysis. */
export const MAX_SOURCES = 100;

function length(x: unknown): number {
  return Array.isArray(x) ? x.length : 0;
}

function section(raw: Record<string, unknown>, key: string): Record<string, unknown> {
  const v = raw[key];
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/** Counts what the raw (not yet validated) spec asks for; a problem per limit it exceeds. */
export function checkSpecLimits(raw: Record<string, unknown>): Problem[] {
  const variables = section(raw, 'variables');
  const derived = ['expenditure', 'ratios', 'ageGroups', 'formulas', 'residualised', 'groupings'].reduce((a, k) => a + length(variables[k]), 0);
  const counts: [string, string, string, number, number][] = [
    ['spec-too-many-models', 'modeller', 'models', length(section(raw, 'models').list), MAX_MODELS],
    ['spec-too-many-variables', 'avledede variabler', 'derived variables', derived, MAX_DERIVED_VARIABLES],
    ['spec-too-many-files', 'filer', 'files', length(section(raw, 'data').sources), MAX_SOURCES],
  ];
  return counts
    .filter(([, , , n, max]) => n > max)
    .map(([code, nb, en, n, max]) =>
      problem(
        code,
        `Analysen har ${formatInteger(n, 'nb')} ${nb}; grensen er ${formatInteger(max, 'nb')}. Den er ikke åpnet.`,
        `The analysis has ${formatInteger(n, 'en')} ${en}; the limit is ${formatInteger(max, 'en')}. It was not opened.`,
      ),
    );
}
