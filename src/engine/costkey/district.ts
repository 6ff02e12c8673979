/**
 * District (bydel) allocation, Fafo 2014 (docs/METHODS.md §10): share_d = Σ_k w_k·N_dk/N_k with N_k = Σ_d N_dk, of a
 * budget B. Algebraically the same as the relative-share index form (P_d/P)·Σ_k w_k·(N_dk/P_d)/(N_k/P),
 * which is why no district population is needed. The change against the current key is given in
 * percentage points (both exact and as the report prints it, from one-decimal shares) and in kroner,
 * with an optional linear phase-in over 1–3 years.
 */
import { problem, type Problem } from '../problem';
import type { KeyRecord } from './types';

export interface DistrictInput {
  districts: string[];
  criteria: string[];
  /** Row-major D×K counts: counts[d*K + k] = N_dk. */
  counts: Float64Array;
}

export interface DistrictAllocation {
  shares: Float64Array;
  problems: Problem[];
}

export function districtShares(input: DistrictInput, key: KeyRecord): DistrictAllocation {
  const D = input.districts.length;
  const K = input.criteria.length;
  const problems: Problem[] = [];
  const totals = new Float64Array(K);
  for (let d = 0; d < D; d++) for (let k = 0; k < K; k++) totals[k] += input.counts[d * K + k];
  const shares = new Float64Array(D);
  let wSum = 0;
  for (const [name, w] of Object.entries(key)) {
    const k = input.criteria.indexOf(name);
    if (k < 0) {
      if (w !== 0)
        problems.push(
          problem('unknown-criterion', `Kriteriet «${name}» finnes ikke i bydelstallene.`, `Criterion "${name}" is not in the district counts.`, { variable: name }),
        );
      continue;
    }
    wSum += w;
    if (w === 0) continue;
    if (!(totals[k] > 0)) {
      problems.push(
        problem('zero-criterion-total', `Kriteriet «${name}» har sum null.`, `Criterion "${name}" sums to zero.`, { variable: name }),
      );
      continue;
    }
    for (let d = 0; d < D; d++) shares[d] += (w * input.counts[d * K + k]) / totals[k];
  }
  if (Math.abs(wSum - 1) > 1e-6)
    problems.push(
      problem(
        'weights-sum',
        `Vektene summerer til ${wSum.toFixed(4)}, ikke 1; andelene summerer derfor ikke til 100 %.`,
        `The weights add up to ${wSum.toFixed(4)}, not 1; the shares therefore do not add up to 100 %.`,
      ),
    );
  return { shares, problems };
}

/** Round half away from zero to one decimal, as the report's tables print percentages. */
export function roundPercent1(share: number): number {
  const x = share * 100;
  return (Math.sign(x) * Math.round(Math.abs(x) * 10 + 1e-9)) / 10;
}

export interface DistrictChange {
  /** Exact change in percentage points. */
  changePp: Float64Array;
  /** Change as the report prints it: difference of the one-decimal percentages. */
  changePpRounded: Float64Array;
  budgetCurrent: Float64Array;
  budgetProposed: Float64Array;
  changeNok: Float64Array;
  /** Kroner change in year t = 1..T of a linear phase-in. */
  phaseIn: Float64Array[];
}

export function districtChange(current: Float64Array, proposed: Float64Array, budget: number, phaseInYears = 1): DistrictChange {
  const D = current.length;
  const T = Math.max(1, Math.min(3, Math.round(phaseInYears)));
  const out: DistrictChange = {
    changePp: new Float64Array(D),
    changePpRounded: new Float64Array(D),
    budgetCurrent: new Float64Array(D),
    budgetProposed: new Float64Array(D),
    changeNok: new Float64Array(D),
    phaseIn: [],
  };
  for (let d = 0; d < D; d++) {
    out.changePp[d] = (proposed[d] - current[d]) * 100;
    out.changePpRounded[d] = Math.round((roundPercent1(proposed[d]) - roundPercent1(current[d])) * 10) / 10;
    out.budgetCurrent[d] = budget * current[d];
    out.budgetProposed[d] = budget * proposed[d];
    out.changeNok[d] = budget * (proposed[d] - current[d]);
  }
  for (let t = 1; t <= T; t++) out.phaseIn.push(Float64Array.from(out.changeNok, (x) => (x * t) / T));
  return out;
}
