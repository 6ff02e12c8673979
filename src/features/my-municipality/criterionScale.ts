/**
 * How a criterion's value is written in the municipality report: a share of the population as
 * «per 1 000 innbyggere» when it is small (0,02144 → 21,4) or as a per cent (0,231 → 23,1 %),
 * anything else (kroner, kilometres, an index) as it is. Presentation only: the value is not changed.
 */
import { formatNumber, formatSignificant } from '../../i18n/format';
import type { Language } from '../../i18n/language';

export type CriterionScale = 'per1000' | 'percent' | 'raw';

/** A share (0–1) below 5 % reads better per 1 000 inhabitants; a larger one as a per cent. */
export function criterionScale(national: number, value: number): CriterionScale {
  if (!(national > 0 && national < 1) || !(value >= 0 && value <= 1)) return 'raw';
  return national < 0.05 ? 'per1000' : 'percent';
}

export function formatCriterion(x: number, scale: CriterionScale, lang: Language): string {
  if (!Number.isFinite(x)) return '–';
  if (scale === 'per1000') return formatNumber(x * 1000, lang, 1);
  if (scale === 'percent') return `${formatNumber(x * 100, lang, 1)} %`;
  return formatSignificant(x, lang, 4);
}
