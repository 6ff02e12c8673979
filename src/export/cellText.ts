/**
 * Text of a report cell for the three text targets. `plain` is what CSV and TSV carry (ASCII minus,
 * no grouping, so Excel parses it as a number in both locales); `display` is what a reader sees in
 * Word or on screen (Intl grouping, typographic minus).
 */
import { cellDecimals, type ReportCell } from './reportTable';
import { formatNumber, formatPercent } from '../i18n/format';
import type { Language } from '../i18n/language';
import { neutraliseText } from './neutralise';

export type NumberStyle = 'nb' | 'en';

/** Shortest full-precision decimal string without exponent (`1e-7` → `0.0000001`). */
export function plainNumber(x: number, style: NumberStyle): string {
  let s = String(x);
  if (/e/i.test(s)) {
    const mag = Math.floor(Math.log10(Math.abs(x)));
    s = mag < 0 ? x.toFixed(Math.min(100, 16 - mag)).replace(/0+$/, '') : BigInt(Math.round(x)).toString();
  }
  return style === 'nb' ? s.replace('.', ',') : s;
}

/** Fixed decimals, ASCII minus, no grouping. */
export function fixedNumber(x: number, decimals: number, style: NumberStyle): string {
  const s = x.toFixed(decimals);
  return style === 'nb' ? s.replace('.', ',') : s;
}

function decorate(core: string, cell: ReportCell): string {
  const withStars = cell.stars ? core + cell.stars : core;
  return cell.parens ? `(${withStars})` : withStars;
}

function isDecorated(cell: ReportCell): boolean {
  return Boolean(cell.stars) || Boolean(cell.parens);
}

/**
 * CSV/TSV text. Data cells keep full precision (the file is data); report cells — decorated ones
 * (stars, parentheses) and estimates shown to significant digits — are written as the report shows
 * them (−1,619, not −1,6191729313320367). The xlsx keeps full precision in every cell. Text is
 * neutralised.
 */
export function plainCellText(cell: ReportCell, style: NumberStyle): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return neutraliseText(v);
  if (!Number.isFinite(v)) return '';
  if (!isDecorated(cell) && cell.format !== 'significant') return plainNumber(v, style);
  return decorate(fixedNumber(v, cellDecimals(cell), style), cell);
}

/** On-screen / Word text: Norwegian grouping and minus sign, stars, parentheses. Not neutralised
 *  (callers that produce spreadsheet-pasteable output neutralise themselves). */
export function displayCellText(cell: ReportCell, lang: Language): string {
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (!Number.isFinite(v)) return '–';
  if (Object.is(v, -0)) return displayCellText({ ...cell, value: 0 }, lang);
  const d = cellDecimals(cell);
  let core: string;
  if (cell.format === 'percent') core = formatPercent(v, lang, d);
  else if (cell.format === 'kroner') core = `${formatNumber(v, lang, 0)} kr`;
  else core = formatNumber(v, lang, d);
  return decorate(core, cell);
}
