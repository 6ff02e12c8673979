/**
 * One look for every chart: colours that keep 3:1 contrast against white (WCAG 1.4.11) and stay
 * distinguishable for the common colour-vision deficiencies, Norwegian tick numbers, one font.
 */
import type { Language } from '../i18n/language';
import { formatNumber, formatSignificant } from '../i18n/format';

export const chartColors = {
  primary: '#0062ba',
  secondary: '#c45400',
  positive: '#1a7f37',
  negative: '#c0262d',
  neutral: '#5f6b7a',
  highlight: '#7b2fb5',
  grid: '#d9dee4',
  axis: '#4b5563',
  reference: '#1e2b3c',
};

/** Categorical series, in order (Okabe–Ito-like, darkened for contrast on white). */
export const seriesColors = [
  '#0062ba',
  '#c45400',
  '#1a7f37',
  '#7b2fb5',
  '#b8004c',
  '#00758a',
  '#8a6d00',
  '#5f6b7a',
];

export const chartFont = { fontSize: 12, fill: chartColors.axis };

/** Tick formatter for numeric axes in the current language. */
export function numberTick(lang: Language, digits?: number): (v: number) => string {
  return (v) => (digits === undefined ? formatSignificant(v, lang, 3) : formatNumber(v, lang, digits));
}

export function seriesColor(i: number): string {
  return seriesColors[i % seriesColors.length];
}
