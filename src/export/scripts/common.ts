/**
 * Shared pieces of the R and Stata script generators. Everything that comes from the spec (labels,
 * file names, formulas) is user text and ends up inside program code, so it is either checked against
 * a strict whitelist or confined to a comment / string literal with escaping.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { ModelEntry } from '../../spec/sections/models';
import { YEAR_INTERACTION } from '../../engine/model/types';

/** Identifiers the variable builder produces: `[a-z0-9_]`, starting with a letter or underscore. */
export function isSafeName(name: string): boolean {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name);
}

/** A single-line comment body: no newlines (a newline would end the comment and start code). */
export function commentText(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

/** A double-quoted string literal valid in both R and Stata (no quotes, backslashes or newlines). */
export function quoted(s: string): string {
  return `"${s.replace(/[\\"`$\r\n]/g, '_')}"`;
}

/** Formulas are translated only when they use arithmetic, names and a few functions R and Stata share. */
const SAFE_FORMULA = /^[A-Za-z0-9_\s+\-*/^().,]*$/;
const SHARED_FUNCTIONS = new Set(['log', 'exp', 'sqrt', 'abs', 'log10']);
export function translatableFormula(expr: string): boolean {
  if (!SAFE_FORMULA.test(expr)) return false;
  const calls = expr.match(/[A-Za-z_][A-Za-z0-9_]*\s*\(/g) ?? [];
  return calls.every((c) => SHARED_FUNCTIONS.has(c.replace(/\s*\($/, '')));
}

export function modelVariables(m: ModelEntry): string[] {
  const partners = (m.interactions ?? []).map((i) => i.with).filter((w) => w !== YEAR_INTERACTION);
  return [m.dependent, ...m.regressors, ...m.controls, ...partners, ...(m.weights ? [m.weights] : [])];
}

/** The model's interaction terms in R (`x:factor(aar)`, `a:b`) or Stata (`c.x#i.aar`, `c.a#c.b`). */
export function interactionTerms(m: ModelEntry, year: string, lang: 'r' | 'stata'): string[] {
  return (m.interactions ?? []).map((i) => {
    const year_ = i.with === YEAR_INTERACTION;
    if (lang === 'r') return year_ ? `${i.variable}:factor(${year})` : `${i.variable}:${i.with}`;
    return year_ ? `c.${i.variable}#i.${year}` : `c.${i.variable}#c.${i.with}`;
  });
}

export function modelsToRun(spec: AnalysisSpec): ModelEntry[] {
  const shown = spec.models.shown.length ? spec.models.list.filter((m) => spec.models.shown.includes(m.id)) : spec.models.list;
  return shown.length ? shown : spec.models.list;
}

/** Names in the script are used verbatim; anything unsafe makes the whole model a comment. */
export function unsafeNames(m: ModelEntry): string[] {
  return [...modelVariables(m), ...(m.cluster ? [m.cluster] : []), ...(m.sample?.sizeClassColumn ? [m.sample.sizeClassColumn] : [])].filter((n) => !isSafeName(n));
}

export interface ScriptOptions {
  /** The tidy analysis dataset (one row per kommune × år, every variable a column), comma + point. */
  dataFile?: string;
  /** Also emit code that rebuilds the panel from the original SSB files (default true). */
  fromSources?: boolean;
  unit?: string;
  year?: string;
  generatedAt?: Date;
}

export const DEFAULT_DATA_FILE = 'analysedata.csv';
