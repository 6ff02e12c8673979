/**
 * Method B, the explained-variance method used by Fafo for Trondheim (docs/METHODS.md §7 B; Fafo 2014):
 * total need weight = R² or adjusted R² (mean over the chosen years, or the pooled fit), split between
 * the criteria in proportion to a relative-importance measure (LMG/Shapley by default, bivariate R²,
 * or last-in increment) that the importance engine supplies; the remainder goes to a target-group
 * criterion (or the basic criterion). Optional rounding to a step (0.05) with re-normalisation: the
 * target criterion absorbs the rounding so the key still sums to one.
 */
import { problem, type Problem } from '../../problem';
import { BASIC, type CriterionWeight, type WeightsResult } from '../types';
import { isSumOk, sumWeights, weightWarnings } from './checks';

export interface FitSummary {
  year: number | null;
  r2: number;
  adjR2: number;
}

export interface ExplainedVarianceInput {
  criteria: string[];
  /** One fit (pooled) or one per year; the total weight is the mean over them. */
  fits: FitSummary[];
  useAdjusted: boolean;
  /** Importance per criterion, one record per fit (same order) or a single record for all. */
  importance: Record<string, number>[];
  /** Criterion that takes the remainder; BASIC (default) = population. */
  target?: string;
  /** Rounding step (e.g. 0.05); null = none. */
  rounding?: number | null;
  dropped?: string[];
  p?: Record<string, number>;
  alpha?: number;
}

function mean(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return xs.length ? s / xs.length : NaN;
}

export function explainedVarianceWeights(input: ExplainedVarianceInput): WeightsResult {
  const target = input.target ?? BASIC;
  const dropped = new Set(input.dropped ?? []);
  const warnings: Problem[] = [];
  const total = mean(input.fits.map((f) => (input.useAdjusted ? f.adjR2 : f.r2)));
  if (!(total >= 0)) {
    warnings.push(
      problem(
        'negative-explained-variance',
        `Forklart varians (${Number.isFinite(total) ? total.toFixed(3) : '–'}) er ikke positiv; kriteriene får ingen behovsvekt.`,
        `Explained variance (${Number.isFinite(total) ? total.toFixed(3) : '–'}) is not positive; the criteria get no need weight.`,
        undefined,
        'warning',
      ),
    );
  }
  const needTotal = total >= 0 ? total : 0;
  // The split criteria: everything kept except the target group (which only takes the remainder).
  const split = input.criteria.filter((c) => !dropped.has(c) && c !== target);
  // Importance shares averaged over the fits so each year counts equally.
  const imp = split.map((c) => mean(input.importance.map((r) => r[c] ?? NaN)));
  let impSum = 0;
  for (const v of imp) impSum += v;
  const shares = split.map((_, i) => (impSum > 0 ? imp[i] / impSum : 0));
  const raw = new Map<string, number>();
  split.forEach((c, i) => raw.set(c, needTotal * shares[i]));

  const step = input.rounding ?? null;
  if (step !== null && step > 0) for (const [c, w] of raw) raw.set(c, Math.round(w / step) * step);
  let assigned = 0;
  for (const w of raw.values()) assigned += w;
  const remainder = 1 - assigned;

  const criteria: CriterionWeight[] = input.criteria.map((c) => {
    const i = split.indexOf(c);
    const weight = dropped.has(c) ? 0 : c === target ? remainder : (raw.get(c) ?? 0);
    return { name: c, weight, p: input.p?.[c], importanceShare: i >= 0 ? shares[i] : undefined, dropped: dropped.has(c) };
  });
  const basic = target === BASIC ? remainder : 0;
  if (target !== BASIC && !input.criteria.includes(target)) {
    warnings.push(
      problem(
        'unknown-target',
        `Målgruppekriteriet «${target}» finnes ikke blant kriteriene.`,
        `The target-group criterion "${target}" is not among the criteria.`,
        { variable: target },
      ),
    );
  }
  const sum = sumWeights(criteria, basic);
  warnings.push(...weightWarnings(criteria, basic, input.alpha));
  return { method: 'explained-variance', criteria, basic, sum, sumOk: isSumOk(sum, 1e-9), warnings };
}
