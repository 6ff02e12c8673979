/**
 * The page's first Intl.NumberFormat costs 20–70 ms on this 2-core machine (measured in Chromium on a
 * bare page: 34–72 ms at load 7): ICU loads its locale data then. That cost fell in whichever task
 * first formatted a number — a render after the demo's results arrived, one of the main thread's long
 * tasks (README «Performance»). ICU's data are shared by every thread of the renderer process, so a
 * throw-away worker that formats a few numbers pays it off the main thread: the page's first
 * formatter then costs 0,2 ms (same measurement). Nothing depends on it: without it the page pays
 * on first use, as before.
 */
import { formatNumber, formatPercent, formatSignificant } from './format';
import type { Language } from './language';

/** Builds the formatters the views use in both languages (and a Norwegian collator for sorting). */
export function warmLocaleData(): string {
  const out: string[] = [];
  for (const lang of ['nb', 'en'] as Language[]) {
    out.push(formatNumber(1234.5, lang), formatSignificant(0.000012, lang), formatSignificant(18281, lang), formatPercent(0.5, lang));
  }
  out.push(String('æ'.localeCompare('ø', 'nb')));
  return out.join(' ');
}
