/**
 * Criteria a key should not carry without a decision (docs/METHODS.md §7, checks: negative
 * or insignificant criteria are warned about and the user may drop them): a negative weight (a municipality with more of the
 * criterion would get less money) or a coefficient that is not significant at the chosen level. The
 * choices the methods allow, each explicit in the spec:
 *   keep  — use the weight as computed (the default; the flag stays visible);
 *   zero  — set it to zero and re-normalise (method A: its share goes to the basic criterion or, with
 *           «rescale», to the other criteria in proportion; a fixed key is rescaled in proportion);
 *   refit — drop it from the model and estimate the model again without it (methods A and B).
 */
import type { CriterionWeight, KeyRecord, WeightMethod } from '../types';

export type CriterionFlag = 'negative' | 'insignificant';
export type CriterionChoice = 'keep' | 'zero' | 'refit';

export interface FlaggedCriterion {
  name: string;
  weight: number;
  p?: number;
  flags: CriterionFlag[];
}

export function criterionFlags(c: Pick<CriterionWeight, 'weight' | 'p'>, alpha = 0.1): CriterionFlag[] {
  const out: CriterionFlag[] = [];
  if (c.weight < 0) out.push('negative');
  if (c.p !== undefined && Number.isFinite(c.p) && c.p > alpha) out.push('insignificant');
  return out;
}

/** The flagged criteria of a key computed without any choice applied. */
export function flaggedCriteria(criteria: readonly CriterionWeight[], alpha = 0.1): FlaggedCriterion[] {
  return criteria.flatMap((c) => {
    const flags = criterionFlags(c, alpha);
    return flags.length ? [{ name: c.name, weight: c.weight, ...(c.p !== undefined ? { p: c.p } : {}), flags }] : [];
  });
}

/** Re-estimating without a criterion needs a model: methods A and B have one, C and D do not. */
export function allowedChoices(method: WeightMethod): CriterionChoice[] {
  return method === 'coefficient' || method === 'explained-variance' ? ['keep', 'zero', 'refit'] : ['keep', 'zero'];
}

/** A fixed key with some criteria set to zero and the rest scaled up so the weights still add to one. */
export function zeroAndRenormalise(key: KeyRecord, names: readonly string[]): KeyRecord {
  const zero = new Set(names);
  let removed = 0;
  for (const [k, v] of Object.entries(key)) if (zero.has(k)) removed += v;
  const scale = 1 / (1 - removed);
  const out: KeyRecord = {};
  for (const [k, v] of Object.entries(key)) out[k] = zero.has(k) ? 0 : v * scale;
  return out;
}
