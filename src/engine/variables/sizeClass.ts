/**
 * The six municipality size classes of SØF 2017 (docs/METHODS.md §2), from the observation's own year's population:
 * 1 ≤ 2 000, 2 = 2 001–5 000, 3 = 5 001–10 000, 4 = 10 001–20 000, 5 = 20 001–50 000, 6 > 50 000.
 */
import { Missing, type NumericColumn } from '../table';

/** Upper bounds (inclusive) of classes 1–5; above the last is class 6. */
export const SIZE_CLASS_UPPER = [2000, 5000, 10000, 20000, 50000] as const;

export const SIZE_CLASS_LABELS: { nb: string; en: string }[] = [
  { nb: '≤ 2 000', en: '≤ 2,000' },
  { nb: '2 001–5 000', en: '2,001–5,000' },
  { nb: '5 001–10 000', en: '5,001–10,000' },
  { nb: '10 001–20 000', en: '10,001–20,000' },
  { nb: '20 001–50 000', en: '20,001–50,000' },
  { nb: '> 50 000', en: '> 50,000' },
];

export function sizeClassOf(population: number): number {
  if (!Number.isFinite(population)) return NaN;
  for (let k = 0; k < SIZE_CLASS_UPPER.length; k++) if (population <= SIZE_CLASS_UPPER[k]) return k + 1;
  return SIZE_CLASS_UPPER.length + 1;
}

export function sizeClassColumn(name: string, population: NumericColumn, label = 'Kommunestørrelse (6 klasser)'): NumericColumn {
  const n = population.values.length;
  const values = new Float64Array(n);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (population.missing[i] !== 0) {
      values[i] = NaN;
      missing[i] = population.missing[i];
    } else {
      values[i] = sizeClassOf(population.values[i]);
      if (Number.isNaN(values[i])) missing[i] = Missing.undefinedValue;
    }
  }
  return { kind: 'number', name, label, unit: 'klasse 1–6', source: 'variabelbygger', values, missing };
}
