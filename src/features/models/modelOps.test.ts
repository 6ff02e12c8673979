import { describe, expect, it } from 'vitest';
import { emptySpec } from '../../spec/schema';
import { modelEntrySchema } from '../../spec/sections/models';
import type { Coefficient, FitSuccess, ModelResult } from '../../engine/model/types';
import {
  addEstimatorComparison,
  addModel,
  coefficientRows,
  duplicateModel,
  removeModel,
  resultColumns,
  setShown,
  shownModels,
} from './modelOps';
import { stars } from '../../engine/ols/stars';

// emptySpec() shares its default arrays between calls (zod defaults), so tests clone it.
const fresh = () => structuredClone(emptySpec());

const coef = (name: string, estimate: number): Coefficient => ({
  name,
  estimate,
  se: 1,
  t: estimate,
  p: 0.5,
  ciLow: 0,
  ciHigh: 0,
});

function success(names: string[]): FitSuccess {
  return {
    ok: true,
    n: 10,
    k: names.length,
    dfResid: 5,
    dfT: 5,
    r2: 0.5,
    adjR2: 0.4,
    rmse: 1,
    f: null,
    se: 'classical',
    coefficients: names.map((n, i) => coef(n, i + 1)),
    vcov: new Float64Array(),
    rows: new Int32Array(),
    years: [],
    yMean: 0,
    dropped: [],
    warnings: [],
  };
}

describe('stars', () => {
  it('follows the report convention *** < 0.01, ** < 0.05, * < 0.1', () => {
    expect([0.001, 0.01, 0.03, 0.07, 0.1, 0.5, NaN].map((p) => stars(p, [0.01, 0.05, 0.1]))).toEqual([
      '***',
      '**',
      '**',
      '*',
      '',
      '',
      '',
    ]);
  });
  it('accepts custom thresholds in any order', () => {
    expect(stars(0.04, [0.05, 0.001])).toBe('*');
  });
});

describe('model list editing', () => {
  it('adds, duplicates next to the original and removes, keeping ids unique', () => {
    const spec = fresh();
    const a = addModel(spec, 'utgift');
    spec.models.list[0].regressors = ['x'];
    const b = addModel(spec);
    const c = duplicateModel(spec, a);
    expect(spec.models.list.map((m) => m.id)).toEqual([a, c, b]);
    expect(new Set([a, b, c]).size).toBe(3);
    expect(spec.models.list[1].regressors).toEqual(['x']);
    expect(spec.models.list[2].dependent).toBe('utgift');
    removeModel(spec, a);
    expect(spec.models.list.map((m) => m.id)).toEqual([c, b]);
  });

  it('shows all models when shown is empty and hides one on request', () => {
    const spec = fresh();
    const a = addModel(spec, 'y');
    const b = addModel(spec, 'y');
    expect(shownModels(spec).map((m) => m.id)).toEqual([a, b]);
    setShown(spec, a, false);
    expect(shownModels(spec).map((m) => m.id)).toEqual([b]);
    setShown(spec, a, true);
    expect(spec.models.shown).toEqual([]);
  });
});

describe('results layout', () => {
  const m1 = modelEntrySchema.parse({
    id: 'm1',
    label: 'A',
    dependent: 'y',
    regressors: ['x1'],
    controls: ['fi'],
  });
  const m2 = modelEntrySchema.parse({
    id: 'm2',
    label: 'B',
    dependent: 'y',
    regressors: ['x1', 'x2'],
    controls: ['fi'],
    design: 'per-year',
  });
  const results: Record<string, ModelResult> = {
    m1: {
      design: 'pooled',
      fits: [{ year: null, outcome: success(['(Intercept)', 'x1', 'fi', 'year_2016']) }],
    },
    m2: {
      design: 'per-year',
      fits: [
        { year: 2015, outcome: success(['(Intercept)', 'x1', 'x2', 'fi']) },
        {
          year: 2016,
          outcome: {
            ok: false,
            n: 3,
            k: 4,
            dropped: [],
            problem: { code: 'too-few', severity: 'error', message: 'For få', messageEn: 'Too few' },
          },
        },
      ],
    },
  };

  it('gives per-year models one column per year', () => {
    const cols = resultColumns([m1, m2], results);
    expect(cols.map((c) => [c.number, c.year])).toEqual([
      [1, null],
      [2, 2015],
      [2, 2016],
    ]);
  });

  it('numbers columns by the model list, so hidden models keep their numbers', () => {
    expect(resultColumns([m2], results, [m1, m2]).map((c) => c.number)).toEqual([2, 2]);
  });

  it('orders criteria, then controls, then year effects, the constant last', () => {
    const cols = resultColumns([m1, m2], results);
    expect(coefficientRows(cols, true).map((r) => r.name)).toEqual([
      'x1',
      'x2',
      'fi',
      'year_2016',
      '(Intercept)',
    ]);
    const hidden = coefficientRows(cols, false);
    expect(hidden.map((r) => r.name)).toEqual(['x1', 'x2', 'fi', '(Intercept)']);
    expect(hidden[1].cells.map((c) => c?.estimate ?? null)).toEqual([null, 3, null]);
  });
});

describe('other estimators in the table', () => {
  it('adds a robust and a median copy and switches the table to SINTEF 2014\'s layout', () => {
    const spec = fresh();
    const a = addModel(spec, 'utgift');
    spec.models.list[0].design = 'per-year';
    spec.models.list[0].se = 'hc1';
    const ids = addEstimatorComparison(spec, a, { robust: 'robust', median: 'median' });
    expect(spec.models.list.map((m) => m.estimator ?? 'ols')).toEqual(['ols', 'robust', 'median']);
    expect(spec.models.list.map((m) => m.id)).toEqual([a, ...ids]);
    expect(spec.models.list[2].se).toBe('classical');
    expect(spec.models.columnOrder).toBe('year');
    expect(spec.models.parens).toBe('t');
  });

  it('orders columns by year when asked, and groups criterion × year rows under their criterion', () => {
    const e = (id: string) => modelEntrySchema.parse({ id, label: id, dependent: 'y', regressors: ['x'], design: 'per-year' });
    const fit = success(['(Intercept)', 'x', 'x:year_2016', 'x:year_2017', 'a:b', 'year_2016']);
    const r: ModelResult = { design: 'per-year', fits: [2015, 2016].map((year) => ({ year, outcome: fit })) };
    const cols = resultColumns([e('m1'), e('m2')], { m1: r, m2: r }, undefined, 'year');
    expect(cols.map((c) => c.key)).toEqual(['m1:2015', 'm2:2015', 'm1:2016', 'm2:2016']);
    const rows = coefficientRows(cols, false);
    expect(rows.map((x) => x.name)).toEqual(['x', 'a:b', 'x:year_2016', 'x:year_2017', '(Intercept)']);
    expect(rows.filter((x) => x.groupStart).map((x) => x.group)).toEqual(['x']);
  });
});
