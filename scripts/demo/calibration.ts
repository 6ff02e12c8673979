/**
 * Calibration figures of the demo panel, computed the way an analyst would from the published
 * values (suppressed and missing cells dropped listwise): per-capita indicators as in SØF 2017
 * Table 3, and the pooled models of Tables 6 and 13 (year dummies, cluster-robust SE).
 */
import { countAges, type Cell, type DemoPanel, type KostraFunction } from './panel';
import { ols, type OlsResult } from './ols';

export interface FrameRow {
  code: string;
  year: number;
  pop: number;
  /** Expenditure net of depreciation, 1000 kr (2015) per inhabitant. */
  bv: number | null;
  sh: number | null;
  f243: number | null;
  [k: string]: number | string | null;
}

const num = (c: Cell): number | null => (typeof c === 'number' ? c : null);

function expenditure(kostra: Record<string, Cell>, fns: KostraFunction[], pop: number, defl: number): number | null {
  let s = 0;
  for (const f of fns) {
    const g = num(kostra[`${f}:AGD10`]);
    const d = num(kostra[`${f}:590`]);
    if (g === null || d === null) return null;
    s += g - d;
  }
  return s / pop / (defl / 100);
}

export function analysisFrame(panel: DemoPanel): FrameRow[] {
  return panel.observations.map((o) => {
    const defl = panel.deflator[o.year];
    const pc = (x: number | null) => (x === null ? null : x / o.pop);
    const c = o.criteria;
    const fi = num(o.frieInntekter);
    return {
      code: o.code,
      year: o.year,
      pop: o.pop,
      bv: expenditure(o.kostra, ['244', '251', '252'], o.pop, defl),
      sh: expenditure(o.kostra, ['242', '243', '276', '281'], o.pop, defl),
      f243: expenditure(o.kostra, ['243'], o.pop, defl),
      ef: pc(c.enslig_forsorger),
      lav: pc(c.lavinntekt),
      uf: pc(c.ufor_18_49),
      flykt: pc(c.flyktninger),
      botid: pc(c.botid_0_5),
      alene: pc(c.aleneboende_30_66),
      opph: pc(o.opphopningsindeks),
      pu: pc(c.pu_16),
      a0_22: pc(countAges(o.popByAge, 0, 22)),
      a16_66: pc(countAges(o.popByAge, 16, 66)),
      fi: fi === null ? null : fi / (defl / 100) / 1000,
      phv017: pc(num(o.registry.phv_pasienter_0_17)),
      phv18: pc(num(o.registry.phv_pasienter_18)),
      tsb: pc(num(o.registry.tsb_opphold)),
    };
  });
}

/** Pooled OLS with intercept and year dummies, clustered on municipality; listwise deletion. */
export function pooled(frame: FrameRow[], dep: string, regs: string[]): OlsResult {
  const rows = frame.filter((r) => [dep, ...regs].every((v) => typeof r[v] === 'number' && Number.isFinite(r[v] as number)));
  const years = [...new Set(rows.map((r) => r.year))].sort();
  const names = ['(konstant)', ...regs, ...years.slice(1).map((y) => `aar_${y}`)];
  const x = rows.map((r) => [1, ...regs.map((v) => r[v] as number), ...years.slice(1).map((y) => (r.year === y ? 1 : 0))]);
  return ols(
    rows.map((r) => r[dep] as number),
    x,
    names,
    rows.map((r) => r.code),
  );
}

export function meanSd(xs: number[]): { mean: number; sd: number; n: number } {
  const n = xs.length;
  const mean = xs.reduce((s, v) => s + v, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  return { mean, sd, n };
}

export function column(frame: FrameRow[], v: string): number[] {
  return frame.map((r) => r[v]).filter((x): x is number => typeof x === 'number' && Number.isFinite(x));
}

export const BV_KEY = ['ef', 'lav', 'a0_22', 'fi'];
export const SH_KEY = ['uf', 'opph', 'a16_66', 'flykt', 'fi'];

export interface CalibrationReport {
  indicators: Record<string, { mean: number; sd: number; n: number }>;
  bvKey: OlsResult;
  bvPhv: OlsResult;
  shKey: OlsResult;
  shPhv: OlsResult;
}

export function calibrate(panel: DemoPanel): CalibrationReport {
  const frame = analysisFrame(panel);
  const indicators: CalibrationReport['indicators'] = {};
  for (const v of ['phv18', 'phv017', 'tsb', 'bv', 'sh', 'f243', 'ef', 'lav', 'uf', 'flykt', 'botid', 'alene', 'opph', 'pu', 'a0_22', 'a16_66', 'fi']) {
    indicators[v] = meanSd(column(frame, v));
  }
  return {
    indicators,
    bvKey: pooled(frame, 'bv', BV_KEY),
    bvPhv: pooled(frame, 'bv', [...BV_KEY, 'phv017']),
    shKey: pooled(frame, 'sh', SH_KEY),
    shPhv: pooled(frame, 'sh', [...SH_KEY, 'phv18']),
  };
}

export function formatCalibration(c: CalibrationReport): string {
  const lines: string[] = [];
  for (const [k, v] of Object.entries(c.indicators)) lines.push(`  ${k.padEnd(7)} mean ${v.mean.toPrecision(4)}  sd ${v.sd.toPrecision(3)}  n ${v.n}`);
  const m = (label: string, r: OlsResult) => {
    const coefs = r.names
      .map((nm, j) => (nm.startsWith('aar_') ? '' : `${nm}=${r.beta[j].toPrecision(4)} (t ${r.t[j].toFixed(1)})`))
      .filter(Boolean)
      .join(', ');
    lines.push(`  ${label}: N ${r.n}, R² ${r.r2.toFixed(3)}; ${coefs}`);
  };
  m('barnevern, dagens nøkkel', c.bvKey);
  m('barnevern + PHV 0–17', c.bvPhv);
  m('sosialhjelp, dagens nøkkel', c.shKey);
  m('sosialhjelp + PHV 18+', c.shPhv);
  return lines.join('\n');
}
