/**
 * Why a comparison table has no R² (shown under the table in the view and exported as a note).
 * R² is a least-squares quantity: robust regression (rreg), quantile and median regression and
 * random-effects GLS report none (their fits give NaN, as Stata's rreg and qreg do), so a table of
 * sub-models that keep such an estimator would otherwise be a row of «–» without a word. A quantile
 * fit's own measure, the Koenker–Machado pseudo R² (the fit's `pseudoR2`), is shown in a row of its own.
 */
import type { EstimatorKind, ModelComparison } from '../engine/importance/compare';
import type { Language } from '../i18n/language';

const T = {
  nb: {
    pseudoR2: 'Pseudo-R² (Koenker–Machado)',
    kinds: { robust: 'robust regresjon (rreg)', quantile: 'kvantil- og medianregresjon', random: 'tilfeldige effekter (GLS)' } as Record<EstimatorKind, string>,
    and: 'og',
    none: (what: string) =>
      `R² finnes ikke for ${what}: estimatoren minimerer ikke kvadratsummen av residualene, så «andel forklart variasjon» er ikke definert, og R² står som «–».`,
    pseudo:
      'For kvantilregresjon vises estimatorens eget mål, pseudo-R² (Koenker–Machado: 1 − kvantiltapet delt på tapet med bare konstanten). Det er ikke en andel forklart variasjon og kan ikke sammenlignes med R².',
    what:
      'Dekomponeringen av R² i denne visningen («R² alene» for hvert kriterium) bruker minste kvadraters metode på samme variabler og utvalg. Velg en modell med minste kvadraters metode (OLS) under «Modeller» for å få R² i denne tabellen.',
  },
  en: {
    pseudoR2: 'Pseudo R² (Koenker–Machado)',
    kinds: { robust: 'robust regression (rreg)', quantile: 'quantile and median regression', random: 'random effects (GLS)' } as Record<EstimatorKind, string>,
    and: 'and',
    none: (what: string) =>
      `R² does not exist for ${what}: the estimator does not minimise the sum of squared residuals, so a "share of variance explained" is not defined, and R² is shown as "–".`,
    pseudo:
      "For quantile regression the estimator's own measure is shown, the pseudo R² (Koenker–Machado: 1 − the quantile loss divided by the loss with the constant alone). It is not a share of variance explained and cannot be compared with R².",
    what:
      'The R² decomposition in this view ("R² alone" for each criterion) uses least squares on the same variables and sample. Choose a least-squares (OLS) model under "Models" to get R² in this table.',
  },
};

/** The row label of the pseudo R² in the view and the exports. */
export function pseudoR2Label(lang: Language): string {
  return T[lang].pseudoR2;
}

/** Whether some column shows a pseudo R² (then the table has a row for it). */
export function hasPseudoR2(c: ModelComparison): boolean {
  return c.columns.some((col) => col.ok && col.pseudoR2 !== undefined);
}

/** '' when every fitted column has its R²; else why not, and what the user can do. */
export function comparisonFitNote(c: ModelComparison, lang: Language): string {
  const t = T[lang];
  const kinds = [...new Set(c.columns.flatMap((col) => (col.ok && !Number.isFinite(col.r2) && col.estimator ? [col.estimator] : [])))];
  if (kinds.length === 0) return '';
  const names = kinds.map((k) => t.kinds[k]);
  const what = names.length > 1 ? `${names.slice(0, -1).join(', ')} ${t.and} ${names.at(-1)}` : names[0];
  return [t.none(what), ...(hasPseudoR2(c) ? [t.pseudo] : []), t.what].join(' ');
}
