/** Significance stars: one star per threshold the p-value is below (default *** 0.01, ** 0.05, * 0.1). */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [0.01, 0.05, 0.1];

export function stars(p: number, thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS): string {
  if (!Number.isFinite(p)) return '';
  let count = 0;
  for (const t of thresholds) if (p < t) count++;
  return '*'.repeat(count);
}
