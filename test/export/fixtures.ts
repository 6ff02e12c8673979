/** Small hand-made engine results and tables for the export tests (no engine needed). */
import type { Coefficient, FitSuccess, ModelResult } from '../../src/engine/model/types';
import { analysisSpecSchema, emptySpec, type AnalysisSpec } from '../../src/spec/schema';
import { rowsTable, type ReportTable } from '../../src/export/reportTable';

export function coef(name: string, estimate: number, se: number, p: number): Coefficient {
  return { name, estimate, se, t: estimate / se, p, ciLow: estimate - 2 * se, ciHigh: estimate + 2 * se };
}

export function fit(coefficients: Coefficient[], extra: Partial<FitSuccess> = {}): FitSuccess {
  const k = coefficients.length;
  return {
    ok: true,
    n: 1701,
    k,
    dfResid: 1701 - k,
    dfT: 427,
    r2: 0.0512,
    adjR2: 0.047,
    rmse: 1.2,
    f: null,
    nClusters: 428,
    se: 'cluster',
    coefficients,
    vcov: new Float64Array(k * k),
    rows: new Int32Array(0),
    years: [2011, 2012, 2013, 2014],
    yMean: 3,
    dropped: [],
    warnings: [],
    ...extra,
  };
}

/** Table 6 columns (1) and (5) of SØF 2017. */
export const table6col1: ModelResult = {
  design: 'pooled',
  fits: [
    {
      year: null,
      outcome: fit([
        coef('intercept', 1.214, 1.447, 0.4),
        coef('enslig', 27.55, 13.81, 0.046),
        coef('lavinntekt', 29.09, 11.01, 0.008),
        coef('innb_0_22', -2.926, 3.5, 0.4),
        coef('frie', 0.000622, 0.00813, 0.9),
        coef('year_2012', 0.1, 0.05, 0.05),
      ]),
    },
  ],
};

export const table6col5: ModelResult = {
  design: 'pooled',
  fits: [
    {
      year: null,
      outcome: fit(
        [
          coef('intercept', 1.562, 1.408, 0.27),
          coef('enslig', 9.425, 15.07, 0.53),
          coef('lavinntekt', 29.89, 11.18, 0.0078),
          coef('innb_0_22', -4.36, 3.363, 0.2),
          coef('frie', -0.00568, 0.00797, 0.48),
          coef('phv_pas', 77.02, 42.12, 0.068),
          coef('year_2012', 0.1, 0.05, 0.05),
        ],
        { n: 1672, r2: 0.075 },
      ),
    },
  ],
};

export const failed: ModelResult = {
  design: 'pooled',
  fits: [
    {
      year: null,
      outcome: {
        ok: false,
        n: 10,
        k: 3,
        dropped: [],
        problem: { code: 'collinear', severity: 'error', message: 'Variablene a og b er kolineære.', messageEn: 'Variables a and b are collinear.' },
      },
    },
  ],
};

export const HOSTILE = ["=cmd|' /C calc'!A0", '@SUM(1)', '<script>alert(1)</script>', '+47 999', '-2+3', '\t=1+1', '\r=1+1'];

/** A redistribution-like row table with hostile municipality names and negative numbers. */
export function hostileTable(): ReportTable {
  return rowsTable({
    id: 'redist',
    title: 'Omfordeling per kommune',
    rowHeader: 'Kommune',
    columns: [
      { header: 'Indeks', format: 'decimal', digits: 4 },
      { header: 'Endring (kr)', format: 'kroner' },
      { header: 'Andel', format: 'percent', digits: 1 },
      { header: 'Merknad', format: 'text' },
    ],
    rows: [
      { label: '0301 Oslo', values: [1.0234, 1234567, 0.125, 'ok'] },
      { label: 'Bø i Telemark; «Ærø»', values: [0.9, -52000.5, -0.031, '-1 endring'] },
      ...HOSTILE.map((h, i) => ({ label: h, values: [-(i + 1) / 3, -i * 1000, null, h] })),
    ],
    notes: ['Merk: = er ikke formel'],
    source: 'Kilde: SSB, KOSTRA (syntetisk)',
    synthetic: true,
  });
}

export function demoSpec(): AnalysisSpec {
  const spec = emptySpec();
  spec.title = 'Barnevern – Tabell 6';
  spec.data.sources.push({
    id: 'src1',
    fileName: 'kostra_æøå.csv',
    format: 'csv',
    encoding: 'iso-8859-1',
    delimiter: ';',
    sheet: null,
    mapping: { unitColumn: 'region', yearColumn: 'år', valueColumns: ['verdi'], dimensionColumns: ['funksjon'], layout: 'long', fixedYear: null, variablePrefix: 'k_' },
    demo: true,
  });
  spec.models.list.push({
    id: 'm1',
    label: 'Dagens modell',
    dependent: 'utg_bv',
    regressors: ['enslig_forsorger', 'lavinntekt', 'innb_0_22'],
    controls: ['frie_inntekter'],
    design: 'pooled',
    intercept: true,
    yearEffects: true,
    se: 'cluster',
    cluster: null,
    weights: null,
    sample: null,
  });
  spec.models.shown = ['m1'];
  // Parse so that defaults other owners add to their sections are filled in, as on load.
  return analysisSpecSchema.parse(spec);
}
