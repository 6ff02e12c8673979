import { messageThreshold } from '../messageNumbers';
/** Significance stars: one star per threshold the p-value is below (default *** 0.01, ** 0.05, * 0.1). */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [0.01, 0.05, 0.1];

export function stars(p: number, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): string {
  if (!Number.isFinite(p)) return '';
  let count = 0;
  for (const t of thresholds) if (p < t) count++;
  return '*'.repeat(count);
}

/**
 * The legend under a table with stars, «*** p < 0,01, ** p < 0,05, * p < 0,1»: most stars first,
 * thresholds as written (decimal comma in Norwegian). `compact` writes «p<0,01», as report tables
 * (SØF 2017) do; on screen the spaced form reads better. The one home of this text, so a table on
 * screen and its export cannot disagree about what a star means.
 */
export function starLegend(thresholds: readonly number[], lang: 'nb' | 'en', opts: { compact?: boolean } = {}): string {
  const sorted = [...thresholds].sort((a, b) => a - b);
  const lt = opts.compact ? 'p<' : 'p < ';
  return sorted.map((t, i) => `${'*'.repeat(sorted.length - i)} ${lt}${messageThreshold(t, lang)}`).join(', ');
}
