/**
 * Wald test that some coefficients are jointly zero, with the fit's own covariance (classical, HC1,
 * CR1, …): W = b_Rᵀ V_RR⁻¹ b_R, reported as F = W/q on (q, dfT) like Stata's `test` after regress
 * (with clustered SEs the denominator df is G − 1), or as χ²(q) when dfT is infinite (z-based fits).
 * Model 4 of Nordlandsforskning/HELED 2021 (docs/REFERENCES.md) asks it of every criterion × year term: is the coefficient the same each year?
 */
import { quadFormInverse } from '../linalg/dense';
import type { Coefficient, WaldTest } from '../model/types';
import { pValueChi2, pValueF } from './inference';

export function waldTest(
  fit: { coefficients: Coefficient[]; vcov: Float64Array; dfT: number },
  terms: string[],
  label: string,
): WaldTest | null {
  const k = fit.coefficients.length;
  const idx = terms.map((t) => fit.coefficients.findIndex((c) => c.name === t));
  if (idx.length === 0 || idx.some((j) => j < 0)) return null;
  const q = idx.length;
  const v = new Float64Array(q * q);
  for (let r = 0; r < q; r++) for (let c = 0; c < q; c++) v[c * q + r] = fit.vcov[idx[r] * k + idx[c]];
  const b = Float64Array.from(idx, (j) => fit.coefficients[j].estimate);
  const w = quadFormInverse(v, b, q);
  if (w === null) return null;
  const f = w / q;
  const p = Number.isFinite(fit.dfT) ? pValueF(f, q, fit.dfT) : pValueChi2(w, q);
  return { label, terms, f, df1: q, df2: fit.dfT, p };
}
