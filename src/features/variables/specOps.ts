/**
 * Pure edits of the variables section (used inside `updateSpec(draft => …)`), kept out of the
 * components so they can be tested without React.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { VariablesSpec } from '../../spec/sections/variables';

export type DefListKey = 'expenditure' | 'ratios' | 'ageGroups' | 'formulas' | 'residualised' | 'groupings';
export const DEF_LISTS: DefListKey[] = ['expenditure', 'ratios', 'ageGroups', 'formulas', 'residualised', 'groupings'];

/** Every id the variables section defines. */
export function definedIds(v: VariablesSpec): string[] {
  return DEF_LISTS.flatMap((k) => v[k].map((d) => d.id));
}

/** A safe identifier from a label: `Barn 0–22 år` → `barn_0_22_ar`. */
export function slug(label: string): string {
  const s = label
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z_]/.test(s) ? s : `v_${s}`;
}

/** `base`, or `base_2`, `base_3` … if taken. */
export function uniqueId(base: string, taken: Iterable<string>): string {
  const set = new Set(taken);
  const b = slug(base) || 'v';
  if (!set.has(b)) return b;
  for (let k = 2; ; k++) if (!set.has(`${b}_${k}`)) return `${b}_${k}`;
}

export function removeDefinition(draft: AnalysisSpec, id: string): void {
  for (const k of DEF_LISTS) {
    const list = draft.variables[k] as { id: string }[];
    const i = list.findIndex((d) => d.id === id);
    if (i >= 0) list.splice(i, 1);
  }
  const d = draft.describe;
  d.variables = d.variables.filter((x) => x !== id);
  d.correlation = d.correlation.filter((x) => x !== id);
  if (d.bySizeClass === id) d.bySizeClass = null;
}

/** Which list defines an id (for the remove button and the kind label). */
export function listOf(v: VariablesSpec, id: string): DefListKey | null {
  return DEF_LISTS.find((k) => v[k].some((d) => d.id === id)) ?? null;
}

/** Caret line under a formula: spaces up to the error position, then `^`. */
export function caretLine(position: number): string {
  return `${' '.repeat(Math.max(0, position))}^`;
}
