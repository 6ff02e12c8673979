/**
 * A deliberately small OLS (normal equations, Gauss–Jordan with partial pivoting) with CR1
 * cluster-robust standard errors. It exists only so that the demo's calibration can be measured
 * by the generator and its tests without depending on the engine being written in parallel; the
 * app itself uses src/engine.
 */
export interface OlsResult {
  names: string[];
  beta: number[];
  se: number[];
  t: number[];
  r2: number;
  n: number;
}

function invert(a: number[][]): number[][] {
  const k = a.length;
  const m = a.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))]);
  for (let c = 0; c < k; c++) {
    let p = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-12) throw new Error('singular design');
    [m[c], m[p]] = [m[p], m[c]];
    const d = m[c][c];
    for (let j = 0; j < 2 * k; j++) m[c][j] /= d;
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = m[r][c];
      if (f !== 0) for (let j = 0; j < 2 * k; j++) m[r][j] -= f * m[c][j];
    }
  }
  return m.map((row) => row.slice(k));
}

/** y on X (X already holds the intercept and any dummies); clusters give CR1 standard errors. */
export function ols(y: number[], x: number[][], names: string[], clusters: string[]): OlsResult {
  const n = y.length;
  const k = names.length;
  // Scale columns to unit RMS so that opphopning (~1e-5) and population shares share one pivot scale.
  const scale = names.map((_, j) => Math.sqrt(x.reduce((s, row) => s + row[j] * row[j], 0) / n) || 1);
  const xs = x.map((row) => row.map((v, j) => v / scale[j]));
  const xtx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const xty = new Array<number>(k).fill(0);
  for (let i = 0; i < n; i++) {
    const row = xs[i];
    for (let a = 0; a < k; a++) {
      xty[a] += row[a] * y[i];
      for (let b = 0; b < k; b++) xtx[a][b] += row[a] * row[b];
    }
  }
  const inv = invert(xtx);
  const bs = inv.map((row) => row.reduce((s, v, j) => s + v * xty[j], 0));
  const e = y.map((yi, i) => yi - xs[i].reduce((s, v, j) => s + v * bs[j], 0));
  const ybar = y.reduce((s, v) => s + v, 0) / n;
  const sst = y.reduce((s, v) => s + (v - ybar) ** 2, 0);
  const sse = e.reduce((s, v) => s + v * v, 0);

  const scores = new Map<string, number[]>();
  for (let i = 0; i < n; i++) {
    let g = scores.get(clusters[i]);
    if (!g) scores.set(clusters[i], (g = new Array<number>(k).fill(0)));
    for (let a = 0; a < k; a++) g[a] += xs[i][a] * e[i];
  }
  const meat = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (const g of scores.values()) for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) meat[a][b] += g[a] * g[b];
  const G = scores.size;
  const adj = (G / (G - 1)) * ((n - 1) / (n - k));
  const se = inv.map((_, a) => {
    let v = 0;
    for (let p = 0; p < k; p++) for (let q = 0; q < k; q++) v += inv[a][p] * meat[p][q] * inv[q][a];
    return Math.sqrt(v * adj);
  });
  const beta = bs.map((b, j) => b / scale[j]);
  const seU = se.map((s, j) => s / scale[j]);
  return { names, beta, se: seU, t: beta.map((b, j) => b / seU[j]), r2: 1 - sse / sst, n };
}
