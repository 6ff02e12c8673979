/**
 * The one evaluation of a key: everything the redistribution views, the CLI and the oracle tests
 * read for one proposed key, computed from a fixed base (the prepared ratios, population, U, the
 * current key's index and the grouping labels). The worker stage builds the base once; a weight edit
 * only re-runs `evaluateOnBase` (k×n multiply-add plus O(n) sums), cheap enough to run on every
 * slider step.
 */
import { histogram, sortedOrder, sumByGroup, type Bin, type GroupSum } from './aggregate';
import { indexContributions, keyVector, needIndex } from './needIndex';
import type { PreparedCriteria } from './prepare';
import { phaseIn, redistribute, type RedistributionChecks } from './redistribution';
import { SUM_TOLERANCE, type KeyRecord } from './types';

export type GroupKind = 'size-class' | 'county' | 'kostra-group';

export interface KeyBase {
  prep: PreparedCriteria;
  names: string[];
  /** U in kroner per inhabitant. */
  perCapitaNok: number;
  current: KeyRecord | null;
  indexCurrent: Float64Array;
  groups: Record<GroupKind, string[] | null>;
}

export interface KeyOutcome {
  key: KeyRecord;
  sum: number;
  sumOk: boolean;
  index: Float64Array;
  needPerCapita: Float64Array;
  amount: Float64Array;
  amountCurrent: Float64Array;
  change: Float64Array;
  changePerCapita: Float64Array;
  /** Row-major (k+1)×n, basic criterion first: each criterion's part of each unit's index. */
  contributions: Float64Array;
  checks: RedistributionChecks;
  aggregates: Record<GroupKind, GroupSum[] | null>;
  /** Kroner change in year t = 1..T of the phase-in. */
  phaseIn: Float64Array[];
  /** Units sorted by change per inhabitant (ascending): the order of the sorted bar chart. */
  order: Int32Array;
  /** Distribution of the change per inhabitant. */
  distribution: Bin[];
}

/** No grouping labels (the CLI and the oracle tests read no group sums). */
export const NO_GROUPS: Record<GroupKind, string[] | null> = { 'size-class': null, county: null, 'kostra-group': null };

/** Without a current key the change is measured against a flat per-capita key (index 1 everywhere). */
export function makeKeyBase(
  prep: PreparedCriteria,
  names: string[],
  perCapitaNok: number,
  current: KeyRecord | null,
  groups: Record<GroupKind, string[] | null> = NO_GROUPS,
): KeyBase {
  let indexCurrent: Float64Array;
  if (current) {
    const c = keyVector(prep, current);
    indexCurrent = needIndex(prep, c.basic, c.weights);
  } else indexCurrent = new Float64Array(prep.units.length).fill(1);
  return { prep, names, perCapitaNok, current, indexCurrent, groups };
}

export function keySum(key: KeyRecord): number {
  let s = 0;
  for (const v of Object.values(key)) s += v;
  return s;
}

export function evaluateOnBase(base: KeyBase, key: KeyRecord, phaseInYears = 1): KeyOutcome {
  const v = keyVector(base.prep, key);
  const index = needIndex(base.prep, v.basic, v.weights);
  const r = redistribute(base.prep, index, base.indexCurrent, base.perCapitaNok);
  const agg = (g: string[] | null) => (g ? sumByGroup(g, base.prep.population, r.change, r.amount) : null);
  const sum = keySum(key);
  return {
    key,
    sum,
    sumOk: Math.abs(sum - 1) <= 1e-6 || Math.abs(sum - 1) <= SUM_TOLERANCE,
    index,
    ...r,
    contributions: indexContributions(base.prep, v.basic, v.weights),
    aggregates: { 'size-class': agg(base.groups['size-class']), county: agg(base.groups.county), 'kostra-group': agg(base.groups['kostra-group']) },
    phaseIn: phaseIn(r.change, phaseInYears),
    order: sortedOrder(r.changePerCapita),
    distribution: histogram(r.changePerCapita, 24),
  };
}
