/**
 * Exact least squares (BigInt), as the reference for the engine's standard errors and Wald F on
 * badly conditioned designs. Independent of the engine: the normal equations are solved in exact
 * integer arithmetic (fraction-free elimination), where conditioning costs nothing, and the
 * conventions are those of test/oracle/cases/README.md (analytic weights, HC1 = n/(n−k),
 * CR1 = G/(G−1)·(N−1)/(N−K), within = demeaning by unit with K = slopes + 1 for CR1).
 *
 * Scaling: column j is x_j = X_j·2^{e_j} with integer X_j, y = Y·2^{e_y}. The integer problem has
 * β_j = b_j·2^{e_y − e_j} and V_jl = V(b)_jl·2^{2e_y − e_j − e_l}; analytic weights may be scaled
 * freely (V, F and the SE do not change), so their integers are used as they are. Only the final
 * ratios are rounded to doubles (relative error ~1e-18, far below the tests' 1e-12).
 */
import { bareissSolve, integerColumn, quadraticFormInverse, ratioToNumber } from './bigRational';

export interface ExactInput {
  /** Design columns (the full design: intercept, regressors, dummies), each of length n. */
  columns: number[][];
  y: number[];
  weights?: number[] | null;
  se: 'classical' | 'hc1' | 'cluster';
  clusters?: number[] | null;
  /** Column of the intercept (left out of the overall F), or −1. */
  intercept: number;
  /** Within estimator: unit id per row; columns and y are demeaned by (weighted) unit means. */
  units?: number[] | null;
}

export interface ExactResult {
  b: number[];
  se: number[];
  /** Overall F of every coefficient but the intercept (classical: sums of squares; robust: Wald/q). */
  f: number;
}

const gcd = (a: bigint, b: bigint): bigint => {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
};

export function exactOls(input: ExactInput): ExactResult {
  const n = input.y.length;
  const k = input.columns.length;
  const w = input.weights ? integerColumn(input.weights).ints : new Array<bigint>(n).fill(1n);
  const xs = input.columns.map(integerColumn);
  const yc = integerColumn(input.y);
  let X = xs.map((c) => c.ints);
  let Y = yc.ints;
  let absorbed = 0;
  if (input.units) {
    // Demean by unit, times L = lcm of the unit weight sums, so everything stays an integer (a
    // common factor of every column and y changes neither V nor F).
    const ids = input.units;
    const sumW = new Map<number, bigint>();
    ids.forEach((u, i) => sumW.set(u, (sumW.get(u) ?? 0n) + w[i]));
    absorbed = sumW.size;
    let L = 1n;
    for (const s of sumW.values()) L = (L / gcd(L, s)) * s;
    const demean = (col: bigint[]): bigint[] => {
      const tot = new Map<number, bigint>();
      ids.forEach((u, i) => tot.set(u, (tot.get(u) ?? 0n) + w[i] * col[i]));
      return col.map((v, i) => L * v - (L / (sumW.get(ids[i]) as bigint)) * (tot.get(ids[i]) as bigint));
    };
    X = X.map(demean);
    Y = demean(Y);
  }
  // A = XᵀWX and c = XᵀWY; Bareiss gives d = det A, adj = d·A⁻¹ and B = d·β (all integers).
  const A: bigint[][] = [];
  const c: bigint[] = [];
  for (let r = 0; r < k; r++) {
    const wx = X[r].map((v, i) => w[i] * v);
    A.push(X.map((col) => col.reduce((s, v, i) => s + wx[i] * v, 0n)));
    c.push(Y.reduce((s, v, i) => s + wx[i] * v, 0n));
  }
  const identity = A.map((_, i) => A.map((__, j) => (i === j ? 1n : 0n)));
  const { det: d, x: adj } = bareissSolve(A, identity.map((row, i) => [...row, c[i]]));
  const B = adj.map((row) => row[k]);
  // Residuals times d: U_i = d·Y_i − X_i·B.
  const U = Y.map((yi, i) => {
    let s = d * yi;
    for (let j = 0; j < k; j++) s -= X[j][i] * B[j];
    return s;
  });
  const dfResid = n - k - absorbed;
  let rss = 0n; // times d²
  for (let i = 0; i < n; i++) rss += w[i] * U[i] * U[i];
  // V = vNum[j][l] / vDen (before the 2^… column scaling).
  let vNum: bigint[][];
  let vDen: bigint;
  let meatInt: bigint[][] | null = null;
  let factor: [bigint, bigint] = [1n, 1n];
  if (input.se === 'classical') {
    // s²·A⁻¹ = rss/(d²·df) · adj/d.
    vNum = adj.map((row) => row.slice(0, k).map((v) => v * rss));
    vDen = d * d * d * BigInt(dfResid);
  } else {
    // Meat Σ sᵢsᵢᵀ over rows (HC1) or cluster sums (CR1) of the integer scores wᵢUᵢxᵢ (times d).
    const groups = new Map<number, bigint[]>();
    for (let i = 0; i < n; i++) {
      const key = input.se === 'hc1' ? i : (input.clusters as number[])[i];
      let s = groups.get(key);
      if (!s) groups.set(key, (s = new Array<bigint>(k).fill(0n)));
      const wu = w[i] * U[i];
      for (let j = 0; j < k; j++) s[j] += wu * X[j][i];
    }
    const G = BigInt(groups.size);
    const N = BigInt(n);
    factor = input.se === 'hc1' ? [N, BigInt(dfResid)] : [G * (N - 1n), (G - 1n) * (N - BigInt(input.units ? k + 1 : k))];
    const [fNum, fDen] = factor;
    const meat = Array.from({ length: k }, (_, r) => Array.from({ length: k }, (__, s) => {
      let acc = 0n;
      for (const g of groups.values()) acc += g[r] * g[s];
      return acc;
    }));
    meatInt = meat;
    // A⁻¹·M·A⁻¹ = (adj/d)·(M/d²)·(adj/d): M carries d² from the residuals.
    const adjK = adj.map((row) => row.slice(0, k));
    vNum = matMul(matMul(adjK, meat), adjK).map((row) => row.map((v) => v * fNum));
    vDen = d ** 4n * fDen;
  }
  const scale = (j: number): number => 2 ** (xs[j].exp - yc.exp);
  const b = B.map((v, j) => ratioToNumber(v, d) / scale(j));
  const se = vNum.map((row, j) => Math.sqrt(ratioToNumber(row[j], vDen)) / scale(j));
  const tested = [...Array(k).keys()].filter((j) => j !== input.intercept);
  const q = BigInt(tested.length);
  let f: number;
  if (input.se === 'classical') {
    // TSS of the (demeaned) y around its weighted mean, Σw(Y − m)² = (Σw·ΣwY² − (ΣwY)²)/Σw, or
    // uncentred (Σw·Y²) without an intercept or absorbed effects.
    const centred = input.intercept >= 0 || !!input.units;
    let sw = 0n;
    let swy = 0n;
    let swyy = 0n;
    for (let i = 0; i < n; i++) {
      sw += w[i];
      swy += w[i] * Y[i];
      swyy += w[i] * Y[i] * Y[i];
    }
    // F = ((tss − rss)/q)/(rss/df) with tss = T/sw and rss = R/d².
    const T = centred ? sw * swyy - swy * swy : sw * swyy;
    const R = rss;
    f = ratioToNumber((T * d * d - R * sw) * BigInt(dfResid), R * sw * q);
  } else if (tested.length === k) {
    // Every coefficient tested: βᵀV⁻¹β = cᵀ·M⁻¹·c/factor (Aβ = c, V = A⁻¹MA⁻¹·factor), with the
    // integer meat = d²·M — the same number with far smaller integers than V's.
    const qf = quadraticFormInverse(meatInt as bigint[][], c);
    f = ratioToNumber(d * d * qf.num * factor[1], qf.den * factor[0] * q);
  } else {
    // Wald: βₛᵀVₛₛ⁻¹βₛ with β = B/d and V = vNum/vDen: (vDen/d²)·Bₛᵀ vNumₛₛ⁻¹ Bₛ.
    const qf = quadraticFormInverse(
      tested.map((r) => tested.map((s) => vNum[r][s])),
      tested.map((j) => B[j]),
    );
    f = ratioToNumber(qf.num * vDen, qf.den * d * d * q);
  }
  return { b, se, f };
}

function matMul(a: bigint[][], b: bigint[][]): bigint[][] {
  return a.map((row) => b[0].map((_, j) => row.reduce((s, v, l) => s + v * b[l][j], 0n)));
}
