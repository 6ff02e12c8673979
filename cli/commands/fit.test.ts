import { afterEach, describe, expect, it, vi } from 'vitest';
import { join } from 'node:path';
import { parseArgs } from '../args';
import { fitCommand } from './fit';
import { parseFormula } from '../formula';
import { tidyTable } from '../../src/ingest/tidyTable';
import { close, loadCase, ORACLE_DIR, toleranceFor } from '../../test/oracle/loadCase';
import { ESTIMATORS_DIR, fixtures, PANEL_CSV, TOL } from '../../test/oracle/estimators/load';

async function runFit(argv: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    const code = await fitCommand.run(parseArgs(argv));
    return { code, out };
  } finally {
    spy.mockRestore();
  }
}

afterEach(() => vi.restoreAllMocks());

describe('parseFormula', () => {
  it('reads terms and intercept removal', () => {
    expect(parseFormula('y ~ a + b')).toEqual({ dependent: 'y', regressors: ['a', 'b'], intercept: true });
    expect(parseFormula('y ~ a + b - 1')).toEqual({ dependent: 'y', regressors: ['a', 'b'], intercept: false });
    expect(parseFormula('y ~ 0 + a').intercept).toBe(false);
    expect(() => parseFormula('y a')).toThrow();
  });
});

describe('tidyTable', () => {
  it('sniffs ; with decimal comma, keeps quoted text and leading zeros', () => {
    const t = tidyTable('kommune;navn;x\n0301;"Oslo; by";1,5\n1103;Stavanger;\n', ['kommune']);
    const k = t.columns.get('kommune');
    const n = t.columns.get('navn');
    const x = t.columns.get('x');
    expect(k?.kind === 'string' && k.values).toEqual(['0301', '1103']);
    expect(n?.kind === 'string' && n.values).toEqual(['Oslo; by', 'Stavanger']);
    expect(x?.kind === 'number' && Array.from(x.missing)).toEqual([0, 1]);
    expect(x?.kind === 'number' && x.values[0]).toBe(1.5);
  });
  it('handles quoted line breaks and doubled quotes', () => {
    const t = tidyTable('a,b\n"x ""q""\nline",2\n');
    expect(t.nRows).toBe(1);
    const a = t.columns.get('a');
    expect(a?.kind === 'string' && a.values[0]).toBe('x "q"\nline');
  });
});

describe('analyze fit on oracle data', () => {
  it('pooled with year effects, clustered: the oracle numbers as JSON', async () => {
    const c = loadCase('panel-pooled-cluster');
    const s = c.spec as unknown as { dependent: string; regressors: string[] };
    const { code, out } = await runFit([
      '--data', join(ORACLE_DIR, 'panel-pooled-cluster', 'data.csv'),
      '--unit', 'kommune', '--year', 'aar',
      '--formula', `${s.dependent} ~ ${s.regressors.join(' + ')}`,
      '--design', 'pooled', '--se', 'cluster', '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const e = c.expected as { coefficients: Record<string, number>; se: Record<string, number>; n: number; n_clusters: number; r2: number; dropped: number[] };
    expect(json.design).toBe('pooled');
    expect(json.n).toBe(e.n);
    expect(json.n_clusters).toBe(e.n_clusters);
    expect(json.dropped.map((d: { row: number }) => d.row)).toEqual(e.dropped);
    expect(close(json.r2, e.r2, toleranceFor(c.tolerance, 'r2'))).toBe(true);
    for (const [name, v] of Object.entries(e.coefficients)) {
      const key = name === 'intercept' ? '(Intercept)' : name;
      expect(close(json.coefficients[key].estimate, v, toleranceFor(c.tolerance, 'coefficients'))).toBe(true);
      expect(close(json.coefficients[key].se, e.se[name], toleranceFor(c.tolerance, 'se'))).toBe(true);
    }
  });

  it('refuses a collinear model with a JSON error and exit code 1', async () => {
    const { code, out } = await runFit([
      '--data', join(ORACLE_DIR, 'collinear', 'data.csv'),
      '--unit', 'kommune',
      '--formula', 'utg_bv_1000kr ~ barn_0_5 + barn_6_15 + barn_0_15 + lavinntekt',
      '--json',
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(out);
    expect(json.error.code).toBe('collinear');
    expect(json.error.collinear).toEqual(['barn_0_5', 'barn_6_15', 'barn_0_15']);
    expect(typeof json.error.message_en).toBe('string');
  });

  it('per-year prints one object per year', async () => {
    const { code, out } = await runFit([
      '--data', join(ORACLE_DIR, 'panel-xsec-hc1', 'data.csv'),
      '--unit', 'kommune', '--year', 'aar', '--design', 'per-year',
      '--formula', 'utg_bv ~ enslig_forsorger + lavinntekt', '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(Object.keys(json)).toEqual(['2015', '2016', '2017', '2018', '2019', '2020', '2021', '2022']);
    expect(json['2015'].coefficients['(Intercept)']).toBeDefined();
  });
});

describe('analyze fit with the other estimators (fixtures of test/oracle/estimators)', () => {
  const dir = join(ESTIMATORS_DIR);
  const formula = `${fixtures.dependent} ~ ${fixtures.regressors.join(' + ')}`;
  it('--estimator robust: rreg coefficients, pseudo-value SEs and the screened rows', async () => {
    const { code, out } = await runFit(['--data', join(dir, 'xsec-outliers.csv'), '--formula', formula, '--estimator', 'robust', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const e = fixtures.robust.outliers;
    expect(json.estimator).toBe('robust');
    expect(json.n).toBe(e.n);
    expect(json.r2).toBeNull();
    expect(json.robust.screened_rows).toEqual(e.dropped);
    for (const [name, v] of Object.entries(e.coefficients)) {
      expect(close(json.coefficients[name].estimate, v, TOL)).toBe(true);
      expect(close(json.coefficients[name].se, e.se[name], TOL)).toBe(true);
    }
  });

  it('--estimator quantile --tau 0.25 and median, per year', async () => {
    const { code, out } = await runFit(['--data', PANEL_CSV, '--unit', 'kommune', '--year', 'aar', '--formula', formula, '--estimator', 'quantile', '--tau', '0.25', '--years', '2019', '--design', 'single', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    expect(json.quantile.tau).toBe(0.25);
    for (const [name, v] of Object.entries(fixtures.quantile.q25.coefficients)) expect(close(json.coefficients[name].estimate, v, TOL)).toBe(true);
    const med = JSON.parse((await runFit(['--data', PANEL_CSV, '--unit', 'kommune', '--year', 'aar', '--formula', formula, '--estimator', 'median', '--design', 'per-year', '--json'])).out);
    expect(Object.keys(med)).toEqual(fixtures.quantile.median_xsec.map((m) => String(m.year)));
    expect(med['2019'].quantile.se_method).toBe('iid');
  });

  it('--design random prints the same JSON shape plus hausman', async () => {
    const { code, out } = await runFit(['--data', PANEL_CSV, '--unit', 'kommune', '--year', 'aar', '--formula', formula, '--design', 'random', '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const e = fixtures.random.unbalanced;
    expect(json.design).toBe('random');
    expect(json.se).toBe('classical');
    expect(json.df_t).toBeNull();
    expect(json.n_units).toBe(e.n_units);
    expect(json.hausman.df).toBe(e.hausman.df);
    expect(close(json.hausman.statistic, e.hausman.statistic, { rel: 1e-7, abs: 1e-9 })).toBe(true);
    expect(close(json.coefficients.lavinntekt.estimate, e.coefficients.lavinntekt, TOL)).toBe(true);
  });

  it('x:year and a:b in the formula, with the Wald test in the output', async () => {
    const f = `${formula} + frie_inntekter:year + enslig_forsorger:lavinntekt`;
    const { code, out } = await runFit(['--data', PANEL_CSV, '--unit', 'kommune', '--year', 'aar', '--formula', f, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(out);
    const e = fixtures.interactions;
    expect(json.wald[0].terms).toEqual(e.wald.terms);
    expect(close(json.wald[0].p, e.wald.p, { rel: 1e-6, abs: 1e-12 })).toBe(true);
    expect(close(json.coefficients['frie_inntekter:year_2018'].se, e.se['frie_inntekter:year_2018'], TOL)).toBe(true);
  });

  it('refuses unknown estimators and a τ without the quantile estimator', async () => {
    await expect(runFit(['--data', PANEL_CSV, '--formula', formula, '--estimator', 'lasso'])).rejects.toThrow(/estimator/);
    await expect(runFit(['--data', PANEL_CSV, '--formula', formula, '--tau', '0.3'])).rejects.toThrow(/tau/);
  });
});
