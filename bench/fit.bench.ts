/**
 * Speed of the estimation engine on a panel the size of Norway's municipalities: 357 units × 10
 * years, 12 criteria, 9 year dummies, CR1 clustered by unit. Synthetic data from a seeded
 * generator, so the figure is comparable from run to run.
 */
import { loadavg } from 'node:os';
import { fitModel } from '../src/engine/model/fitModel';
import type { ModelSpec } from '../src/engine/model/types';
import { makeTable, numericColumn, stringColumn, type Table } from '../src/engine/table';
import type { BenchModule } from './types';

const UNITS = 357;
const YEARS = 10;
const CRITERIA = 12;

/** mulberry32: small, seeded, deterministic. */
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

export function syntheticPanel(seed = 1): { table: Table; criteria: string[] } {
  const rand = rng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(rand() + 1e-300)) * Math.cos(2 * Math.PI * rand());
  const n = UNITS * YEARS;
  const unit: string[] = [];
  const year = new Float64Array(n);
  const xs = Array.from({ length: CRITERIA }, () => new Float64Array(n));
  const y = new Float64Array(n);
  const unitLevel = Array.from({ length: UNITS }, () => Array.from({ length: CRITERIA }, () => normal()));
  const unitEffect = Array.from({ length: UNITS }, () => normal());
  for (let u = 0; u < UNITS; u++) {
    for (let t = 0; t < YEARS; t++) {
      const i = u * YEARS + t;
      unit.push(String(1000 + u).padStart(4, '0'));
      year[i] = 2013 + t;
      let v = 5 + 0.2 * t + unitEffect[u];
      for (let j = 0; j < CRITERIA; j++) {
        const x = (0.05 + 0.01 * j) * (1 + 0.3 * unitLevel[u][j] + 0.05 * normal());
        xs[j][i] = x;
        v += (j + 1) * x;
      }
      y[i] = v + normal();
    }
  }
  const criteria = xs.map((_, j) => `k${j + 1}`);
  const table = makeTable(
    [stringColumn('kommune', unit), numericColumn('aar', year), numericColumn('y', y), ...xs.map((x, j) => numericColumn(criteria[j], x))],
    { unit: 'kommune', year: 'aar' },
  );
  return { table, criteria };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Median wall time (performance.now) and mean CPU time of the process per call, in ms. The CPU
 *  figure is less sensitive to other processes competing for the two cores. */
export function time(fn: () => void, reps: number, warmup: number): { wall: number; cpu: number } {
  for (let i = 0; i < warmup; i++) fn();
  const t: number[] = [];
  const c0 = process.cpuUsage();
  for (let i = 0; i < reps; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  const c = process.cpuUsage(c0);
  return { wall: median(t), cpu: (c.user + c.system) / 1000 / reps };
}

export const fitBench: BenchModule = {
  name: 'fit',
  async run() {
    const { table, criteria } = syntheticPanel(1);
    const base: ModelSpec = { dependent: 'y', regressors: criteria, design: 'pooled', intercept: true, yearEffects: true, se: 'cluster' };
    const pooled = (): void => {
      const r = fitModel(table, base);
      if (!r.fits[0].outcome.ok) throw new Error('bench fit refused');
    };
    const standardSet = (): void => {
      fitModel(table, base);
      fitModel(table, { ...base, design: 'per-year', se: 'hc1' });
      fitModel(table, { ...base, design: 'within' });
    };
    const p = time(pooled, 300, 50);
    const s = time(standardSet, 80, 15);
    return {
      fit_pooled_ms: p.wall,
      fit_standard_set_ms: s.wall,
      fit_pooled_cpu_ms: p.cpu,
      fit_standard_set_cpu_ms: s.cpu,
      // Context for the figures: the 1-minute load average of the machine while they were taken.
      fit_load_avg_1m: loadavg()[0],
    };
  },
};
