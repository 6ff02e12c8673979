/**
 * Several candidate keys side by side. Each scenario is evaluated by the one key
 * evaluation (`evaluateOnBase`, keyView.ts) on one shared base, so every scenario's index and change
 * are measured against the same key in force, on the same municipalities and the same U. This module
 * only keeps what a comparison needs of each outcome and finds the municipalities whose sign differs.
 */
import type { GroupSum } from './aggregate';
import { evaluateOnBase, type GroupKind, type KeyBase } from './keyView';
import type { RedistributionChecks } from './redistribution';
import type { KeyRecord } from './types';

/** A change of the index smaller than this counts as no change (rounding noise, not a gain or loss):
 *  scale-free, so it works for a dependent in kroner as well as for an index (U ≈ 1). */
export const SIGN_TOLERANCE_INDEX = 1e-9;

/** The tolerance in kroner per inhabitant on a base with U kroner per inhabitant. */
export function signTolerance(perCapitaNok: number): number {
  return SIGN_TOLERANCE_INDEX * Math.abs(perCapitaNok);
}

export interface ScenarioOutcome {
  key: KeyRecord;
  /** Σ weights and whether it is 1 (a key that does not add up to 1 breaks the identities). */
  sum: number;
  sumOk: boolean;
  index: Float64Array;
  /** Change against the key in force, kroner and kroner per inhabitant. */
  change: Float64Array;
  changePerCapita: Float64Array;
  checks: RedistributionChecks;
  aggregates: Record<GroupKind, GroupSum[] | null>;
  /** Units sorted by change per inhabitant (ascending). */
  order: Int32Array;
  gainers: number;
  losers: number;
}

export function scenarioOutcome(base: KeyBase, key: KeyRecord): ScenarioOutcome {
  const o = evaluateOnBase(base, key, 1);
  const tol = signTolerance(base.perCapitaNok);
  let gainers = 0;
  let losers = 0;
  for (const v of o.changePerCapita) {
    const sg = changeSign(v, tol);
    if (sg > 0) gainers++;
    else if (sg < 0) losers++;
  }
  return {
    key,
    sum: o.sum,
    sumOk: o.sumOk,
    index: o.index,
    change: o.change,
    changePerCapita: o.changePerCapita,
    checks: o.checks,
    aggregates: o.aggregates,
    order: o.order,
    gainers,
    losers,
  };
}

/** Sign of a change per inhabitant: +1 gain, −1 loss, 0 within the tolerance (kroner per inhabitant). */
export function changeSign(perCapita: number, tol: number): -1 | 0 | 1 {
  return perCapita > tol ? 1 : perCapita < -tol ? -1 : 0;
}

/** 1 where a unit gains under one scenario and loses under another (no change is neither). */
export function signDiffers(perCapita: readonly Float64Array[], n: number, tol: number): Uint8Array {
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    let gain = false;
    let loss = false;
    for (const pc of perCapita) {
      const s = changeSign(pc[i], tol);
      if (s > 0) gain = true;
      else if (s < 0) loss = true;
    }
    out[i] = gain && loss ? 1 : 0;
  }
  return out;
}
