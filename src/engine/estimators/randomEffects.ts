/**
 * Random-effects GLS with Swamy–Arora variance components (SINTEF 2014, Table 10.3; Stata `xtreg, re`,
 * R `plm(model = "random")`), and the Hausman test against the within estimator (`plm::phtest`,
 * Stata `hausman fe re`). Matches plm 2.6 exactly, balanced or not:
 *
 *  * σ²_e = RSS_within / (n − N − K_w), the within model holding the regressors that vary within
 *    units (year dummies included);
 *  * σ²_u from the between regression on unit means (each unit counted T_i times, columns whose
 *    means do not vary across units — year dummies in a balanced panel — left out as aliased, K'
 *    slopes kept): σ²_u = (Σ T_i ē_i² − (N − K' − 1)·σ²_e) / (n − tr((Z̄ᵀTZ̄)⁻¹(Z̄ᵀT²Z̄))), 0 if
 *    negative. In a balanced panel the denominator is T(N − K' − 1), Stata's formula;
 *  * θ_i = 1 − √(σ²_e / (T_i σ²_u + σ²_e)); OLS of y − θ_i ȳ_i on X − θ_i X̄_i;
 *  * classical covariance RSS/(n − k)·(X*ᵀX*)⁻¹ and z statistics (normal), as plm prints;
 *  * Hausman H = |dᵀ(V_w − V_re)⁻¹d|, d = b_w − b_re over the within model's coefficients, χ² with
 *    as many degrees of freedom.
 */
import { problem, type Problem } from '../problem';
import { fitDesign, type DesignOutcome, type DesignSuccess } from '../ols/fit';
import { toQBasis, upperR } from '../ols/sandwich';
import { householderQr, applyQt, solveR, DEFAULT_RANK_TOL } from '../linalg/qr';
import { invertGeneral } from '../linalg/dense';
import { normalQuantile, pValueChi2, pValueZ } from '../ols/inference';
import type { HausmanTest, RandomEffectsInfo } from '../model/types';

export interface RandomEffectsInput {
  /** Column-major n×k design; column `intercept` is the constant. */
  x: Float64Array;
  n: number;
  k: number;
  y: Float64Array;
  names: string[];
  intercept: number;
  /** Unit of each row, 0..nUnits − 1. */
  units: Int32Array;
  nUnits: number;
  level?: number;
}

export interface RandomEffectsResult {
  outcome: DesignOutcome;
  info: RandomEffectsInfo | null;
  /** The within fit the Hausman test used (classical SEs), or its refusal. */
  within: DesignOutcome | null;
  warnings: Problem[];
}

export function fitRandomEffects(input: RandomEffectsInput): RandomEffectsResult {
  const { x, n, k, y, names, intercept, units, nUnits: N } = input;
  const refuse = (outcome: DesignOutcome): RandomEffectsResult => ({ outcome, info: null, within: null, warnings: [] });
  const fail = (code: string, nb: string, en: string): RandomEffectsResult =>
    refuse({ ok: false, problem: problem(code, nb, en), n, k });
  if (intercept < 0) return fail('needs-intercept', 'Tilfeldige effekter krever et konstantledd.', 'Random effects need an intercept.');
  const T = new Float64Array(N);
  for (let i = 0; i < n; i++) T[units[i]]++;
  const means = (v: Float64Array, o: number): Float64Array => {
    const m = new Float64Array(N);
    for (let i = 0; i < n; i++) m[units[i]] += v[o + i];
    for (let g = 0; g < N; g++) m[g] /= T[g];
    return m;
  };

  // Columns that never change within a unit cannot be in the within model.
  const varying: number[] = [];
  const invariant: string[] = [];
  for (let c = 0; c < k; c++) {
    if (c === intercept) continue;
    const first = new Float64Array(N).fill(NaN);
    let changes = false;
    for (let i = 0; i < n && !changes; i++) {
      const v = x[c * n + i];
      const f = first[units[i]];
      if (Number.isNaN(f)) first[units[i]] = v;
      else if (f !== v) changes = true;
    }
    if (changes) varying.push(c);
    else invariant.push(names[c]);
  }

  // Within (unit-demeaned) fit: σ²_e and the Hausman comparison.
  const kw = varying.length;
  const ym = means(y, 0);
  const yw = new Float64Array(n);
  for (let i = 0; i < n; i++) yw[i] = y[i] - ym[units[i]];
  const xw = new Float64Array(n * kw);
  const refNorms = new Float64Array(kw);
  varying.forEach((c, j) => {
    const m = means(x, c * n);
    let s = 0;
    for (let i = 0; i < n; i++) {
      xw[j * n + i] = x[c * n + i] - m[units[i]];
      s += x[c * n + i] * x[c * n + i];
    }
    refNorms[j] = Math.sqrt(s);
  });
  let tssTotal = 0;
  let ybar = 0;
  for (let i = 0; i < n; i++) ybar += y[i];
  ybar /= n;
  for (let i = 0; i < n; i++) tssTotal += (y[i] - ybar) ** 2;
  const within =
    kw > 0
      ? fitDesign({
          x: xw, n, k: kw, y: yw, names: varying.map((c) => names[c]), intercept: -1, se: 'classical',
          referenceNorms: refNorms, residuals: false, absorbed: { count: N, tssTotal, clusterK: kw + 1 },
        })
      : null;
  if (!within || !within.ok) {
    if (within && !within.ok) return refuse({ ...within, problem: withPrefix(within.problem) });
    return fail('no-within', 'Ingen variabel varierer innen enhetene; tilfeldige effekter kan ikke skilles fra støyen.', 'No variable varies within the units; random effects cannot be told apart from the noise.');
  }
  const sigma2e = within.rmse * within.rmse;

  // Between regression on unit means (weights T_i), aliased columns left out.
  const zbar = new Float64Array(N * k);
  for (let c = 0; c < k; c++) zbar.set(means(x, c * n), c * N);
  const sw = Float64Array.from(T, (t) => Math.sqrt(t));
  const scaled = new Float64Array(N * k);
  for (let c = 0; c < k; c++) for (let g = 0; g < N; g++) scaled[c * N + g] = zbar[c * N + g] * sw[g];
  // Rank test on the centred columns (the constant first): a mean that does not vary across units
  // is aliased with the constant.
  const centred = Float64Array.from(scaled);
  const wsum = T.reduce((a, b) => a + b, 0);
  for (let c = 0; c < k; c++) {
    if (c === intercept) continue;
    let m = 0;
    for (let g = 0; g < N; g++) m += T[g] * zbar[c * N + g];
    m /= wsum;
    for (let g = 0; g < N; g++) centred[c * N + g] = (zbar[c * N + g] - m) * sw[g];
  }
  const order = [intercept, ...Array.from({ length: k }, (_, c) => c).filter((c) => c !== intercept)];
  const probe = new Float64Array(N * k);
  order.forEach((c, j) => probe.set(centred.subarray(c * N, c * N + N), j * N));
  const refs = Float64Array.from(order, (c) => {
    let s = 0;
    for (let g = 0; g < N; g++) s += scaled[c * N + g] ** 2;
    return Math.sqrt(s);
  });
  const rank = householderQr(probe, N, k, DEFAULT_RANK_TOL, refs);
  const kept = Array.from(rank.perm.subarray(0, rank.rank), (j) => order[j]).sort((a, b) => a - b);
  const kb = kept.length;
  const dfBetween = N - kb;
  if (dfBetween <= 0) {
    return fail(
      'too-few-units',
      `For få enheter for tilfeldige effekter: ${N} enheter, men mellom-regresjonen har ${kb} koeffisienter.`,
      `Too few units for random effects: ${N} units, but the between regression has ${kb} coefficients.`,
    );
  }
  const zb = new Float64Array(N * kb);
  kept.forEach((c, j) => zb.set(scaled.subarray(c * N, c * N + N), j * N));
  const yb = Float64Array.from(ym, (v, g) => v * sw[g]);
  const qr = householderQr(Float64Array.from(zb), N, kb);
  if (qr.rank < kb) return fail('collinear', 'Mellom-regresjonen er kolineær.', 'The between regression is collinear.');
  const ty = Float64Array.from(yb);
  applyQt(qr, ty);
  solveR(qr, ty);
  let quad = 0;
  for (let g = kb; g < N; g++) quad += ty[g] * ty[g]; // Σ T_i ē_i²: the residual part of Qᵀ(√T ȳ)
  const tz = new Float64Array(N * kb);
  for (let j = 0; j < kb; j++) for (let g = 0; g < N; g++) tz[j * N + g] = zb[j * N + g] * sw[g]; // T_i·z̄_i
  // tr((RᵀR)⁻¹·TzᵀTz) = ‖Tz·R⁻¹‖²_F: a triangular solve (ols/sandwich.ts), no inverse.
  toQBasis(tz, N, upperR(qr), kb);
  let trace = 0;
  for (let i = 0; i < N * kb; i++) trace += tz[i] * tz[i];
  const sigma2u = Math.max(0, (quad - dfBetween * sigma2e) / (n - trace));

  // Quasi-demeaning and OLS.
  const theta = Float64Array.from(T, (t) => 1 - Math.sqrt(sigma2e / (t * sigma2u + sigma2e)));
  const xs = new Float64Array(n * k);
  for (let c = 0; c < k; c++) {
    const m = means(x, c * n);
    for (let i = 0; i < n; i++) xs[c * n + i] = x[c * n + i] - theta[units[i]] * m[units[i]];
  }
  const ys = Float64Array.from(y.subarray(0, n), (v, i) => v - theta[units[i]] * ym[units[i]]);
  const gls = fitDesign({ x: xs, n, k, y: ys, names, intercept: -1, se: 'classical', residuals: false });
  if (!gls.ok) return refuse({ ...gls, problem: gls.problem });
  const z = normalQuantile(1 - (1 - (input.level ?? 0.95)) / 2);
  const outcome: DesignSuccess = {
    ...gls,
    dfT: Infinity,
    r2: NaN,
    adjR2: NaN,
    f: null,
    coefficients: gls.coefficients.map((c) => ({ ...c, p: pValueZ(c.t), ciLow: c.estimate - z * c.se, ciHigh: c.estimate + z * c.se })),
  };
  const warnings: Problem[] = [];
  const hausman = hausmanTest(within, outcome);
  if (!hausman) {
    warnings.push(
      problem(
        'hausman-singular',
        'Hausman-testen kunne ikke beregnes: forskjellen mellom kovariansmatrisene er singulær.',
        'The Hausman test could not be computed: the difference of the covariance matrices is singular.',
        undefined,
        'warning',
      ),
    );
  }
  let tmin = Infinity;
  let tmax = -Infinity;
  for (const t of theta) {
    tmin = Math.min(tmin, t);
    tmax = Math.max(tmax, t);
  }
  return {
    outcome,
    within,
    warnings,
    info: { kind: 'random', sigma2Idios: sigma2e, sigma2Unit: sigma2u, thetaMin: tmin, thetaMax: tmax, timeInvariant: invariant, hausman },
  };
}

/** plm::phtest: the coefficients both models estimate, without the constant. */
export function hausmanTest(within: DesignSuccess, re: DesignSuccess): HausmanTest | null {
  const reIndex = new Map(re.coefficients.map((c, j) => [c.name, j]));
  const pairs = within.coefficients
    .map((c, j) => [j, reIndex.get(c.name)] as const)
    .filter((p): p is readonly [number, number] => p[1] !== undefined);
  const q = pairs.length;
  if (q === 0) return null;
  const kw = within.coefficients.length;
  const kr = re.coefficients.length;
  const d = Float64Array.from(pairs, ([a, b]) => within.coefficients[a].estimate - re.coefficients[b].estimate);
  const dv = new Float64Array(q * q);
  for (let r = 0; r < q; r++) {
    for (let c = 0; c < q; c++) dv[r * q + c] = within.vcov[pairs[r][0] * kw + pairs[c][0]] - re.vcov[pairs[r][1] * kr + pairs[c][1]];
  }
  const inv = invertGeneral(dv, q);
  if (!inv) return null;
  let stat = 0;
  for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) stat += d[r] * inv[r * q + c] * d[c];
  stat = Math.abs(stat);
  return { statistic: stat, df: q, p: pValueChi2(stat, q), compared: pairs.map(([a]) => within.coefficients[a].name) };
}

function withPrefix(p: Problem): Problem {
  return {
    ...p,
    message: `Within-modellen som tilfeldige effekter bygger på, kunne ikke estimeres: ${p.message}`,
    messageEn: `The within model random effects build on could not be estimated: ${p.messageEn}`,
  };
}
