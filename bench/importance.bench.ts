/**
 * Speed of the importance and stability engines on a synthetic panel shaped like the real one:
 * 357 municipalities × 10 years = 3 570 rows (9 year dummies), correlated criteria.
 * Budgets (README «Speed budgets»): subsets_2p15_s ≤ 0.25 s, subsets_2p20_s ≤ 5 s, bootstrap_999_s ≤ 0.5 s.
 */
import { makeTable, numericColumn, stringColumn, type Table } from '../src/engine/table';
import { buildCommonSample, isProblem, type CommonSample } from '../src/engine/importance/sample';
import { partialOut } from '../src/engine/importance/partialOut';
import { searchSubsets } from '../src/engine/importance/search';
import { clusterBootstrap } from '../src/engine/stability/bootstrap';
import { Prng } from '../src/engine/importance/prng';

export const BENCH_UNITS = 357;
export const BENCH_YEARS = 10;

/** Panel with `p` criteria that share a common factor (pairwise correlation about 0.3–0.5). */
export function syntheticPanel(p: number, seed = 1): { table: Table; criteria: string[] } {
  const rng = new Prng(seed);
  const normal = () => {
    const u = Math.max(rng.nextFloat(), 1e-12);
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextFloat());
  };
  const n = BENCH_UNITS * BENCH_YEARS;
  const unit: string[] = [];
  const year = new Float64Array(n);
  const xs = Array.from({ length: p }, () => new Float64Array(n));
  const y = new Float64Array(n);
  const unitEffect = Float64Array.from({ length: BENCH_UNITS }, normal);
  let i = 0;
  for (let u = 0; u < BENCH_UNITS; u++) {
    for (let t = 0; t < BENCH_YEARS; t++, i++) {
      unit.push(String(1000 + u).padStart(4, '0'));
      year[i] = 2013 + t;
      const common = normal() + unitEffect[u];
      let yi = 0.1 * t + unitEffect[u];
      for (let j = 0; j < p; j++) {
        xs[j][i] = 0.6 * common + normal();
        yi += (j % 3 === 0 ? 0.5 : 0.1) * xs[j][i];
      }
      y[i] = yi + normal();
    }
  }
  const criteria = xs.map((_, j) => `x${j + 1}`);
  const table = makeTable(
    [stringColumn('kommune', unit), numericColumn('aar', year), numericColumn('y', y), ...xs.map((v, j) => numericColumn(criteria[j], v))],
    { unit: 'kommune', year: 'aar' },
  );
  return { table, criteria };
}

function sample(p: number): CommonSample {
  const { table, criteria } = syntheticPanel(p);
  const s = buildCommonSample(table, { dependent: 'y', criteria });
  if (isProblem(s)) throw new Error(s.messageEn);
  return s;
}

function timeSubsets(p: number): number {
  const s = sample(p);
  const t0 = performance.now();
  const red = partialOut(s);
  if (isProblem(red)) throw new Error(red.messageEn);
  const r = searchSubsets(red, { top: 5 });
  if (isProblem(r) || r.evaluated !== 2 ** p) throw new Error('subset search failed');
  return (performance.now() - t0) / 1000;
}

function timeBootstrap(): number {
  const s = sample(12);
  const t0 = performance.now();
  const r = clusterBootstrap(s, { B: 999, seed: 1 });
  if (isProblem(r) || r.valid !== 999) throw new Error('bootstrap failed');
  return (performance.now() - t0) / 1000;
}

/** Best of a few runs: the first run includes JIT warm-up. */
function best(runs: number, f: () => number): number {
  let m = Infinity;
  for (let i = 0; i < runs; i++) m = Math.min(m, f());
  return m;
}

export const importanceBench = {
  name: 'importance',
  async run(): Promise<Record<string, number>> {
    return {
      subsets_2p15_s: best(5, () => timeSubsets(15)),
      subsets_2p20_s: best(2, () => timeSubsets(20)),
      bootstrap_999_s: best(5, timeBootstrap),
    };
  },
};
