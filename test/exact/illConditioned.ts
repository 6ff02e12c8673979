/**
 * A small panel with the badly conditioned columns a real panel can have: one regressor on the scale 1e9, one
 * on 1e-6, and two whose correlation is 0.9999999 (also within units, so the within estimator
 * sees it too). Deterministic (seeded); heteroskedastic errors and unit effects, so HC1 and CR1
 * differ from the classical SEs.
 */
import { makeTable, numericColumn, stringColumn, type Table } from '../../src/engine/table';

export const UNITS = 30;
export const YEARS = 6;
export const REGRESSORS = ['big', 'tiny', 'z', 'zTwin'];

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface IllData {
  table: Table;
  cols: Record<string, number[]>;
  unit: number[];
  year: number[];
}

/**
 * `noise` scales the unit effects and the error term: at 1 the engine's error bound asks for iterative refinement (the
 * dense solver), at 0.01 it does not (the grouped solver for designs with an intercept).
 */
export function illConditionedPanel(noise = 1, seed = 12): IllData {
  const rand = rng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-300)) * Math.cos(2 * Math.PI * rand());
  const cols: Record<string, number[]> = { y: [], big: [], tiny: [], z: [], zTwin: [], w: [] };
  const unit: number[] = [];
  const year: number[] = [];
  for (let u = 0; u < UNITS; u++) {
    const effect = normal();
    const level = normal();
    for (let t = 0; t < YEARS; t++) {
      const big = 1e9 * (1 + 0.5 * rand() + 0.1 * level);
      const tiny = 1e-6 * (normal() + 0.3 * level);
      const z = level + normal();
      // corr(z, zTwin) = 1/√(1 + s²/var z) ≈ 0.9999999 with s = 6.3e-4 and var z ≈ 2.
      const zTwin = z + 6.3e-4 * normal();
      const y = 3 + 2e-9 * big + 4e5 * tiny + 1.5 * z - 0.5 * zTwin + 0.4 * t + noise * (effect + (0.5 + Math.abs(z)) * normal());
      cols.y.push(y);
      cols.big.push(big);
      cols.tiny.push(tiny);
      cols.z.push(z);
      cols.zTwin.push(zTwin);
      // Integer weights (populations in hundreds): the exact unit means of the within reference stay small.
      cols.w.push(1 + Math.floor(99 * rand()));
      unit.push(u);
      year.push(2015 + t);
    }
  }
  const table = makeTable(
    [
      stringColumn('kommune', unit.map((u) => String(1000 + u))),
      numericColumn('aar', year),
      ...Object.entries(cols).map(([name, v]) => numericColumn(name, v)),
    ],
    { unit: 'kommune', year: 'aar' },
  );
  return { table, cols, unit, year };
}

/** Sample correlation of two columns (for the test's statement of the design). */
export function correlation(a: number[], b: number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n;
  const mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}
