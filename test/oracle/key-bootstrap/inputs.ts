/**
 * Inputs of the R cross-check of the key bootstrap, shared by `make-inputs.ts`
 * (writes data.csv and draws.csv for key-bootstrap.R) and the test (keyBootstrapR.test.ts): a pooled
 * panel with year effects and a control, the key-year data, today's key, and the engine's job.
 * The draws are the engine's own (replication b's stream), written out so that R refits exactly the
 * same resamples: the cross-check is of everything after the draw — the weighted refit, the weight
 * rule with ŷ at the key year, the index, the change per inhabitant and the type 7 quantiles.
 */
import { Prng } from '../../../src/engine/importance/prng';
import { buildCommonSample, isProblem } from '../../../src/engine/importance/sample';
import { makeTable, numericColumn, stringColumn, type Table } from '../../../src/engine/table';
import { keyData } from '../../../src/engine/costkey/keyData';
import { makeKeyBase } from '../../../src/engine/costkey/keyView';
import { BASIC } from '../../../src/engine/costkey/types';
import { keyBootstrapJob, replicationSeed, type KeyBootstrapJob } from '../../../src/engine/costkey/keyBootstrap';

export const G = 40;
export const YEARS = [2020, 2021, 2022];
export const KEY_YEAR = 2022;
export const B = 199;
export const SEED = 5;
export const CURRENT = { [BASIC]: 0.6, a: 0.25, b: 0.15 };

/** The shape of a generated panel; the defaults are the R cross-check's. */
export interface PanelShape {
  G: number;
  /** Seed of the generator (one stream, drawn in the same order for every shape). */
  seed: number;
  /** Amplitude of the uniform noise on y. */
  noise: number;
  /** Population = 500 + floor(popScale · u³). */
  popScale: number;
  /** Year-to-year jitter of the criteria. */
  jitter: number;
  /** Kommune code of the first municipality. */
  codeBase: number;
  /** δ_t = yearStep · t (t = 0, 1, 2). */
  yearStep: number;
}

const CROSS_CHECK_PANEL: PanelShape = { G, seed: 11, noise: 1.5, popScale: 40000, jitter: 0.02, codeBase: 3000, yearStep: 0.4 };

/** y = 2 + 6a + 3b + 0.5c + δ_t + noise: two criteria (a, b), one control (c), year effects. Also the
 *  engine's own key-bootstrap tests' panel (with their shape), so the two cannot drift apart. */
export function panelTable(shape: Partial<PanelShape> = {}): Table {
  const { G: nUnits, seed, noise, popScale, jitter, codeBase, yearStep } = { ...CROSS_CHECK_PANEL, ...shape };
  const rng = new Prng(seed);
  const kommune: string[] = [];
  const aar: number[] = [];
  const cols = { y: [] as number[], a: [] as number[], b: [] as number[], c: [] as number[], pop: [] as number[] };
  for (let g = 0; g < nUnits; g++) {
    const a0 = 0.1 + 0.2 * rng.nextFloat();
    const b0 = 0.2 + 0.3 * rng.nextFloat();
    const pop = 500 + Math.floor(popScale * rng.nextFloat() ** 3);
    for (const [t, year] of YEARS.entries()) {
      const a = a0 + jitter * rng.nextFloat();
      const b = b0 + jitter * rng.nextFloat();
      const c = 10 + 4 * rng.nextFloat();
      kommune.push(String(codeBase + g));
      aar.push(year);
      cols.a.push(a);
      cols.b.push(b);
      cols.c.push(c);
      cols.pop.push(pop);
      cols.y.push(2 + 6 * a + 3 * b + 0.5 * c + yearStep * t + noise * (rng.nextFloat() - 0.5));
    }
  }
  return makeTable([stringColumn('kommune', kommune), numericColumn('aar', aar), ...Object.entries(cols).map(([k, v]) => numericColumn(k, v))], { unit: 'kommune', year: 'aar' });
}

export interface CrossCheckSetup {
  table: Table;
  job: KeyBootstrapJob;
  /** Kommune code of each cluster index of the job. */
  clusterUnits: string[];
}

/** The engine's job for the panel: method A, remainder to the basic criterion, ŷ at the key year. */
export function crossCheckSetup(yearEffectValue: (name: string) => number = () => 0): CrossCheckSetup {
  const table = panelTable();
  const criteria = ['a', 'b'];
  const controls = ['c'];
  const sample = buildCommonSample(table, { dependent: 'y', criteria, controls, intercept: true, yearEffects: true, cluster: 'kommune' });
  if (isProblem(sample)) throw new Error(sample.messageEn);
  const data = keyData(table, { unit: 'kommune', population: 'pop', yearColumn: 'aar', year: KEY_YEAR, criteria, controls, dependent: 'y' });
  if (!('prep' in data)) throw new Error('key data');
  const base = makeKeyBase(data.prep, data.names, data.yObsNational * 1000, CURRENT);
  const job = keyBootstrapJob(
    sample,
    {
      method: 'coefficient',
      criteria,
      controls,
      national: data.national,
      remainder: 'population',
      dropped: [],
      yearEffect: { at: 'key-year', year: KEY_YEAR, keyYear: KEY_YEAR, baseYear: YEARS[0], value: yearEffectValue(`year_${KEY_YEAR}`), outside: false },
    },
    base,
    { B, seed: SEED },
  );
  if (isProblem(job)) throw new Error(job.messageEn);
  const ids = table.columns.get('kommune');
  if (ids?.kind !== 'string') throw new Error('kommune');
  const clusterUnits = new Array<string>(sample.nClusters);
  sample.rows.forEach((row, i) => (clusterUnits[sample.cluster[i]] = ids.values[row]));
  return { table, job, clusterUnits };
}

/** The engine's draw counts of replication b (the loop of `runReplications`). */
export function drawCounts(seed: number, b: number, nClusters: number): Int32Array {
  const rng = new Prng(replicationSeed(seed, b));
  const counts = new Int32Array(nClusters);
  for (let d = 0; d < nClusters; d++) counts[rng.nextInt(nClusters)]++;
  return counts;
}
