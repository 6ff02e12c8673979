/**
 * The cost-key stage tests' common case: the oracle's `costkey-baseline` panel (356 municipalities)
 * with one child-welfare model (three criteria, one control, HC1), today's key and kroner in 1000s —
 * the analysis the cost-key and key-uncertainty stages both start from. `single` fits 2022 alone;
 * `pooled` fits every year with year effects.
 */
import { loadCase } from '../oracle/loadCase';
import { emptySpec } from '../../src/spec/schema';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { fitModel } from '../../src/engine/model/fitModel';
import { BASIC } from '../../src/engine/costkey';
import { toModelSpec } from '../../src/worker/stages/models';

export function costKeyBaseline(design: 'single' | 'pooled' = 'single') {
  const c = loadCase('costkey-baseline');
  c.table.unit = 'kommune';
  c.table.year = 'aar';
  c.table.unitName = 'navn';
  const spec = emptySpec();
  const entry = modelEntrySchema.parse({
    id: 'm1',
    label: 'Barnevern',
    dependent: 'utg_bv',
    regressors: ['enslig_forsorger', 'lavinntekt', 'innb_0_22'],
    controls: ['frie_inntekter'],
    design,
    yearEffects: design === 'pooled',
    se: 'hc1',
    sample: design === 'single' ? { years: [2022] } : null,
  });
  spec.models.list = [entry];
  spec.costKey.modelId = 'm1';
  spec.costKey.yUnitNok = 1000;
  spec.costKey.current = {
    id: 'cur',
    label: 'Dagens',
    source: 'test',
    weights: { [BASIC]: 0.25, enslig_forsorger: 0.3, lavinntekt: 0.25, innb_0_22: 0.2 },
  };
  const models = { m1: fitModel(c.table, toModelSpec(entry)) };
  return { c, spec, models };
}
