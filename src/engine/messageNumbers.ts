/**
 * Numbers inside the engine's problem texts, per language (−0,2944 and «p < 0,001» in bokmål;
 * -0.2944 and «p < 0.001» in English). The engine may not import the app's i18n (layer rule: it runs
 * alone in Node and the worker), so the few rules it needs are here; messageNumbers.test.ts checks
 * they give exactly what src/i18n/format.ts gives the views.
 */
type Lang = 'nb' | 'en';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { signDisplay: 'negative', ...opts });
    cache.set(key, f);
  }
  return f;
}

/** Fixed decimals in the language («−0,2944»). */
export function messageNumber(x: number, lang: Lang, digits: number): string {
  if (!Number.isFinite(x)) return '–';
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** A threshold with as few decimals as it needs («0,05»). */
export function messageThreshold(x: number, lang: Lang): string {
  return nf(lang, { maximumFractionDigits: 6 }).format(x);
}

/** «p = 0,123» or «p < 0,001». */
export function messagePStatement(p: number, lang: Lang): string {
  if (!Number.isFinite(p)) return 'p = –';
  return p < 0.001 ? `p < ${messageNumber(0.001, lang, 3)}` : `p = ${messageNumber(p, lang, 3)}`;
}
