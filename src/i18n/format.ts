/**
 * Numbers the Norwegian way (`1 234,5`, minus sign, `%` after a space) in bokmål and the English way in
 * English. Formatters are cached because Intl constructors are slow in render loops.
 */
import type { Language } from './language';

const cache = new Map<string, Intl.NumberFormat>();
function nf(lang: Language, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = lang + JSON.stringify(opts);
  let f = cache.get(key);
  if (!f) {
    // 'negative': a tiny negative that rounds to zero (a sum that is 0 up to rounding) is shown as
    // 0, not as "−0,0000", which readers take for a real deficit.
    f = new Intl.NumberFormat(lang === 'nb' ? 'nb-NO' : 'en-GB', { signDisplay: 'negative', ...opts });
    cache.set(key, f);
  }
  return f;
}

export function formatNumber(x: number | null | undefined, lang: Language, digits = 2): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return nf(lang, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(x);
}

/** Significant-digit format for coefficients whose scale varies (0.000622 … 18281). */
export function formatSignificant(x: number | null | undefined, lang: Language, sig = 4): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const ax = Math.abs(x);
  if (ax !== 0 && (ax < 1e-4 || ax >= 1e9)) {
    return nf(lang, { notation: 'scientific', maximumSignificantDigits: sig }).format(x);
  }
  return nf(lang, { maximumSignificantDigits: sig }).format(x);
}

export function formatInteger(x: number | null | undefined, lang: Language): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return nf(lang, { maximumFractionDigits: 0 }).format(x);
}

/**
 * A file size with the unit that suits it (kB below 1 MB, else MB with one decimal), in the language's
 * decimal sign: a 5 kB fixture is «5 kB», not «0.00 MB».
 */
export function formatFileSize(bytes: number, lang: Language): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '–';
  if (bytes < 1024 * 1024) return `${formatNumber(bytes / 1024, lang, bytes < 10 * 1024 ? 1 : 0)} kB`;
  return `${formatNumber(bytes / (1024 * 1024), lang, 1)} MB`;
}

export function formatPercent(fraction: number | null | undefined, lang: Language, digits = 1): string {
  if (fraction === null || fraction === undefined || !Number.isFinite(fraction)) return '–';
  return nf(lang, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    fraction,
  );
}

export function formatKroner(x: number | null | undefined, lang: Language): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  return `${formatInteger(x, lang)} kr`;
}

/** A p-value as reports print it: «< 0,001» (nb) / «< 0.001» (en) below 0,001, else three decimals. */
export function formatPValue(p: number | null | undefined, lang: Language): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '–';
  return p < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : formatNumber(p, lang, 3);
}

/** A threshold in running text (`p < 0,05`): as few decimals as the number needs, in the language. */
export function formatThreshold(x: number, lang: Language): string {
  return nf(lang, { maximumFractionDigits: 6 }).format(x);
}

/** «p = 0,123» or «p < 0,001», for running text. */
export function formatPStatement(p: number, lang: Language): string {
  return Number.isFinite(p) && p < 0.001 ? `p ${formatPValue(p, lang)}` : `p = ${formatPValue(p, lang)}`;
}
