import { describe, expect, it } from 'vitest';
import { buildRegressionTable } from '../../src/export/regressionTable';
import { stars as starsFor } from '../../src/engine/ols/stars';
import { displayCellText, plainCellText } from '../../src/export/cellText';
import { failed, table6col1, table6col5 } from './fixtures';
import { fitModel } from '../../src/engine/model/fitModel';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { fixtures, readFixtureTable } from '../oracle/estimators/load';

describe('starsFor', () => {
  it('gives three stars below the smallest threshold and none above the largest', () => {
    expect(starsFor(0.009)).toBe('***');
    expect(starsFor(0.01)).toBe('**');
    expect(starsFor(0.049)).toBe('**');
    expect(starsFor(0.099)).toBe('*');
    expect(starsFor(0.1)).toBe('');
    expect(starsFor(NaN)).toBe('');
    expect(starsFor(0.04, [0.05, 0.001])).toBe('*');
  });
});

describe('buildRegressionTable (report layout, SØF 2017, Table 6)', () => {
  const t = buildRegressionTable(
    [
      { label: 'Dagens', result: table6col1 },
      { label: 'PHV-pasienter', result: table6col5 },
    ],
    { title: 'Tabell 6', lang: 'nb', labels: { enslig: 'Enslig forsørger', phv_pas: 'Pasienter under 18 år i psykisk helsevern' } },
  );
  const rows = t.groups.flatMap((g) => g.rows);

  it('puts models side by side and the constant last, year dummies summarised', () => {
    expect(t.columns).toEqual(['(1) Dagens', '(2) PHV-pasienter']);
    const labels = rows.filter((r) => r.kind === 'coef').map((r) => r.label);
    expect(labels).toEqual(['Enslig forsørger', 'lavinntekt', 'innb_0_22', 'frie', 'Pasienter under 18 år i psykisk helsevern', 'Konstant']);
    expect(rows.find((r) => r.label === 'Årseffekter')?.cells.map((c) => c.value)).toEqual(['Ja', 'Ja']);
  });

  it('shows coefficients with stars and SE in parentheses on the next row', () => {
    const i = rows.findIndex((r) => r.label === 'Enslig forsørger');
    expect(displayCellText(rows[i].cells[0], 'en')).toBe('27.55**');
    expect(displayCellText(rows[i + 1].cells[0], 'en')).toBe('(13.81)');
    expect(rows[i + 1].kind).toBe('se');
    const lav = rows.find((r) => r.label === 'lavinntekt')!;
    expect(displayCellText(lav.cells[0], 'en')).toBe('29.09***');
    const frie = rows.findIndex((r) => r.label === 'frie');
    expect(displayCellText(rows[frie].cells[0], 'en')).toBe('0.0006220');
    expect(plainCellText(rows[frie + 1].cells[1], 'nb')).toBe('(0,007970)');
    const innb = rows.find((r) => r.label === 'innb_0_22')!;
    expect(plainCellText(innb.cells[0], 'nb')).toBe('-2,926');
  });

  it('leaves a regressor missing from a model blank', () => {
    const phv = rows.find((r) => r.label.startsWith('Pasienter'))!;
    expect(phv.cells[0].value).toBeNull();
    expect(displayCellText(phv.cells[1], 'en')).toBe('77.02*');
  });

  it('ends with N, R² and clusters', () => {
    const stats = t.groups[1].rows;
    expect(stats.find((r) => r.label === 'Observasjoner')?.cells.map((c) => c.value)).toEqual([1701, 1672]);
    expect(displayCellText(stats.find((r) => r.label === 'R²')!.cells[1], 'en')).toBe('0.075');
    expect(stats.find((r) => r.label.startsWith('Klynger'))?.cells[0].value).toBe(428);
    expect(t.notes.join(' ')).toContain('gruppert på kommune');
    expect(t.notes.join(' ')).toContain('*** p<0,01');
  });

  it('reports a failed model in a note instead of crashing', () => {
    const f = buildRegressionTable([{ label: 'A', result: table6col1 }, { label: 'B', result: failed }], { title: 'x', lang: 'en' });
    expect(f.columns).toHaveLength(2);
    expect(f.notes.some((n) => n.includes('collinear'))).toBe(true);
    const n = f.groups[1].rows.find((r) => r.label === 'Observations')!;
    expect(n.cells[1].value).toBeNull();
  });

  it('expands per-year models into one column per year', () => {
    const perYear = { design: 'per-year' as const, fits: [2011, 2012].map((year) => ({ year, outcome: table6col1.fits[0].outcome })) };
    const py = buildRegressionTable([{ label: 'A', result: perYear }], { title: 'x', lang: 'nb' });
    expect(py.columns).toEqual(['(1) A 2011', '(2) A 2012']);
  });
});

describe('buildRegressionTable follows the results table', () => {
  // Real fits: OLS, robust and median per year; a pooled model with free income × year; RE + Hausman.
  const panel = readFixtureTable('panel.csv');
  const base = { dependent: fixtures.dependent, regressors: fixtures.regressors, intercept: true, yearEffects: false, se: 'classical' as const };
  const years = { sample: { years: [2018, 2019] } };
  const ols = fitModel(panel, { ...base, design: 'per-year', ...years });
  const rob = fitModel(panel, { ...base, design: 'per-year', estimator: 'robust', ...years });
  const med = fitModel(panel, { ...base, design: 'per-year', estimator: 'median', ...years });
  const entry = (id: string, extra: Record<string, unknown>) => modelEntrySchema.parse({ id, label: id, ...base, design: 'per-year', ...extra });
  const t = buildRegressionTable(
    [
      { label: 'OLS', result: ols, entry: entry('OLS', {}) },
      { label: 'Robust', result: rob, entry: entry('Robust', { estimator: 'robust' }) },
      { label: 'Median', result: med, entry: entry('Median', { estimator: 'median' }) },
    ],
    { title: 'x', lang: 'nb', parens: 't', columnOrder: 'year', stars: [0.001, 0.01, 0.05] },
  );
  it('year by year, estimators side by side, t-values in parentheses, Nordlandsforskning/HELED 2021 stars', () => {
    expect(t.columns).toEqual(['(1) OLS 2018', '(2) Robust 2018', '(3) Median 2018', '(4) OLS 2019', '(5) Robust 2019', '(6) Median 2019']);
    const rows = t.groups.flatMap((g) => g.rows);
    const i = rows.findIndex((r) => r.label === 'lavinntekt');
    const k = (rob.fits[0].outcome.ok && rob.fits[0].outcome.coefficients.find((c) => c.name === 'lavinntekt')) || null;
    expect(rows[i + 1].cells[1].value).toBe(k && k.t);
    expect(t.notes.join(' ')).toContain('t-verdier i parentes');
    expect(t.notes.join(' ')).toContain('*** p<0,001');
    const est = rows.find((r) => r.label === 'Estimator');
    expect(est?.cells.slice(0, 3).map((c) => c.value)).toEqual(['OLS', 'Robust (rreg)', 'Median']);
    // No R² for robust and median.
    expect(rows.find((r) => r.label === 'R²')?.cells.slice(0, 3).map((c) => c.value === null)).toEqual([false, true, true]);
  });

  it('groups criterion × year terms under their criterion, with the Wald test; RE with Hausman', () => {
    const inter = fitModel(panel, { ...base, design: 'pooled', yearEffects: true, se: 'cluster', interactions: [{ variable: 'frie_inntekter', with: 'year' }] });
    const re = fitModel(panel, { ...base, design: 'random', yearEffects: true });
    const u = buildRegressionTable(
      [
        { label: 'Modell 4', result: inter, entry: entry('m4', { design: 'pooled', interactions: [{ variable: 'frie_inntekter', with: 'year' }] }) },
        { label: 'TE', result: re, entry: entry('te', { design: 'random' }) },
      ],
      { title: 'y', lang: 'en', labels: { frie_inntekter: 'Free income' } },
    );
    const group = u.groups.find((g) => g.label === 'Free income × year');
    expect(group?.rows.filter((r) => r.kind === 'coef').map((r) => r.label)).toEqual(['× 2016', '× 2017', '× 2018', '× 2019', '× 2020', '× 2021', '× 2022']);
    const stats = u.groups[u.groups.length - 1].rows;
    const wald = inter.fits[0].outcome.ok ? inter.fits[0].outcome.waldTests?.[0] : undefined;
    expect(wald?.df1).toBe(7);
    expect(stats.find((r) => r.label.startsWith('Equal effect of Free income'))?.cells[0].value).toBe(wald?.f);
    expect(stats.find((r) => r.label.startsWith('Hausman test (fixed'))?.cells[1].value).toBeCloseTo(fixtures.random.unbalanced.hausman.statistic, 6);
  });
});

describe('CSV text of report cells', () => {
  it('rounds estimates as the report shows them, with or without stars', () => {
    expect(plainCellText({ value: -1.6191729313320367, format: 'significant', digits: 4 }, 'nb')).toBe('-1,619');
    expect(plainCellText({ value: -1.6191729313320367, format: 'significant', digits: 4, stars: '**' }, 'en')).toBe('-1.619**');
    // Data cells keep full precision.
    expect(plainCellText({ value: -1.6191729313320367 }, 'en')).toBe('-1.6191729313320367');
  });
});
