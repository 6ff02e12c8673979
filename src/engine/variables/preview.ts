/** Preview statistics of a numeric column (min, max, mean, missing by reason). */
import { missingReasonName, type MissingCode, type NumericColumn } from '../table';
import type { ColumnPreview } from './types';

export function previewColumn(col: Pick<NumericColumn, 'values' | 'missing'>): ColumnPreview {
  const n = col.values.length;
  let nPresent = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const missingByReason: Record<string, number> = {};
  for (let i = 0; i < n; i++) {
    const m = col.missing[i];
    if (m !== 0) {
      const name = missingReasonName[m as MissingCode] ?? 'missing';
      missingByReason[name] = (missingByReason[name] ?? 0) + 1;
      continue;
    }
    const x = col.values[i];
    nPresent++;
    sum += x;
    if (x < min) min = x;
    if (x > max) max = x;
  }
  return {
    n,
    nPresent,
    nMissing: n - nPresent,
    missingByReason,
    min: nPresent ? min : NaN,
    max: nPresent ? max : NaN,
    mean: nPresent ? sum / nPresent : NaN,
  };
}
