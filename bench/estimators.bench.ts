/**
 * Speed of the other estimators on one cross-section the size of Norway's municipalities (357
 * units, 12 criteria + constant), the per-year fit of SINTEF 2014's tables: robust regression (rreg)
 * and median regression (exact LP, iid SEs). Also the random-effects fit of the whole 10-year panel.
 */
import { fitModel } from '../src/engine/model/fitModel';
import type { ModelSpec } from '../src/engine/model/types';
import type { BenchModule } from './types';
import { syntheticPanel, time } from './fit.bench';

export const estimatorsBench: BenchModule = {
  name: 'estimators',
  async run() {
    const { table, criteria } = syntheticPanel(1);
    const one: ModelSpec = {
      dependent: 'y', regressors: criteria, design: 'single', intercept: true, yearEffects: false, se: 'classical',
      sample: { years: [2017] },
    };
    const check = (spec: ModelSpec) => (): void => {
      const r = fitModel(table, spec);
      if (!r.fits.every((f) => f.outcome.ok)) throw new Error(`bench fit refused: ${JSON.stringify(r.fits[0].outcome)}`);
    };
    const robust = time(check({ ...one, estimator: 'robust' }), 200, 20);
    const median = time(check({ ...one, estimator: 'median' }), 200, 20);
    const medianKer = time(check({ ...one, estimator: 'median', se: 'hc1' }), 200, 20);
    const random = time(check({ ...one, design: 'random', yearEffects: true, sample: null }), 40, 5);
    return {
      fit_robust_ms: robust.wall,
      fit_median_ms: median.wall,
      fit_median_kernel_ms: medianKer.wall,
      fit_random_effects_ms: random.wall,
    };
  },
};
