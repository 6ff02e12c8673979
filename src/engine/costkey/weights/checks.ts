/**
 * Checks shared by all weight methods: the sum-to-one rule (a key that does not add up to 1 breaks the
 * identity Σ n_i·I_i = Σ n_i) and warnings on negative or insignificant criteria. Weights are never
 * clipped here: the oracle demands they are used as computed; the user decides whether to drop.
 */
import { problem, type Problem } from '../../problem';
import { messageNumber, messagePStatement as formatPStatement, messageThreshold as formatThreshold } from '../../messageNumbers';

// Numbers in messages follow each language (−0,2944 in bokmål, -0.2944 in English).
const nb = (x: number, d: number) => messageNumber(x, 'nb', d);
const en = (x: number, d: number) => messageNumber(x, 'en', d);
import { BASIC, SUM_TOLERANCE, type CriterionWeight, type KeyRecord } from '../types';

export function sumWeights(criteria: readonly CriterionWeight[], basic: number): number {
  let s = basic;
  for (const c of criteria) if (!c.dropped) s += c.weight;
  return s;
}

export function isSumOk(sum: number, tol = SUM_TOLERANCE): boolean {
  return Number.isFinite(sum) && Math.abs(sum - 1) <= tol;
}

/** Warnings for each criterion still in the key: negative weight, or p above `alpha`. */
export function weightWarnings(criteria: readonly CriterionWeight[], basic: number, alpha = 0.1): Problem[] {
  const out: Problem[] = [];
  for (const c of criteria) {
    if (c.dropped) continue;
    if (c.weight < 0) {
      out.push(
        problem(
          'negative-weight',
          `Kriteriet «${c.name}» får negativ vekt (${nb(c.weight, 4)}). Vurder å ta det ut av nøkkelen.`,
          `Criterion "${c.name}" gets a negative weight (${en(c.weight, 4)}). Consider dropping it.`,
          { variable: c.name },
          'warning',
        ),
      );
    }
    if (c.p !== undefined && Number.isFinite(c.p) && c.p > alpha) {
      out.push(
        problem(
          'insignificant-criterion',
          `Kriteriet «${c.name}» er ikke signifikant (${formatPStatement(c.p, 'nb')} > ${formatThreshold(alpha, 'nb')}).`,
          `Criterion "${c.name}" is not significant (${formatPStatement(c.p, 'en')} > ${formatThreshold(alpha, 'en')}).`,
          { variable: c.name },
          'warning',
        ),
      );
    }
  }
  if (basic < 0) {
    out.push(
      problem(
        'negative-basic-weight',
        `Grunnkriteriet (innbyggere) får negativ vekt (${nb(basic, 4)}).`,
        `The basic criterion (population) gets a negative weight (${en(basic, 4)}).`,
        { variable: BASIC },
        'warning',
      ),
    );
  }
  return out;
}

/** Record form of a weights result (dropped criteria get 0), basic criterion under BASIC. */
export function toKeyRecord(criteria: readonly CriterionWeight[], basic: number): KeyRecord {
  const rec: KeyRecord = { [BASIC]: basic };
  for (const c of criteria) rec[c.name] = c.dropped ? 0 : c.weight;
  return rec;
}
