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

/** Viridis anchors (perceptually uniform, readable with the common colour-vision deficiencies). */
const VIRIDIS = ['#440154', '#482475', '#414487', '#355f8d', '#2a788e', '#21918c', '#22a884', '#44bf70', '#7ad151', '#bddf26'];

function hex(c: string): number[] {
  return [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));
}

/**
 * Colour of the i-th of n years: a sequential scale (dark = early, light = late), so years read in
 * order and up to 12 (and more) years get distinct colours, unlike a categorical set that repeats.
 * Stops short of viridis' pale yellow, which vanishes on white.
 */
export function yearColor(i: number, n: number): string {
  const t = n <= 1 ? 0 : (Math.min(Math.max(i, 0), n - 1) / (n - 1)) * (VIRIDIS.length - 1) * 0.92;
  const k = Math.min(VIRIDIS.length - 2, Math.floor(t));
  const f = t - k;
  const a = hex(VIRIDIS[k]);
  const b = hex(VIRIDIS[k + 1]);
  return '#' + a.map((x, j) => Math.round(x + (b[j] - x) * f).toString(16).padStart(2, '0')).join('');
}
