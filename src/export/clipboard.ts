/**
 * Copy a table so it pastes as a table: Word takes the HTML flavour, Excel takes either (TSV is the
 * fallback when the browser refuses rich clipboard items). Both are neutralised: Excel evaluates a
 * pasted cell that starts with `=` exactly as it would in a CSV.
 */
import { iterateRows, syntheticTableNote, type ReportTable } from './reportTable';
import { displayCellText } from './cellText';
import { neutraliseText } from './neutralise';
import { tableGrid, tableMetaLines } from './csv';
import type { Language } from '../i18n/language';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const cellText = (s: string) => escapeHtml(neutraliseText(s));

export function tableToHtml(t: ReportTable, lang: Language): string {
  const out: string[] = [];
  out.push('<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse">');
  out.push(`<caption>${cellText(t.title)}</caption>`);
  out.push('<thead><tr>' + [t.rowHeader, ...t.columns].map((h) => `<th scope="col">${cellText(h)}</th>`).join('') + '</tr></thead><tbody>');
  const width = t.columns.length + 1;
  for (const { group, row, first } of iterateRows(t)) {
    if (first && group.label) out.push(`<tr><th scope="rowgroup" colspan="${width}">${cellText(group.label)}</th></tr>`);
    const cells = row.cells
      .map((c) => {
        const s = typeof c.value === 'string' ? cellText(c.value) : escapeHtml(displayCellText(c, lang));
        const align = typeof c.value === 'number' ? ' style="text-align:right"' : '';
        return `<td${align}>${c.bold ? `<b>${s}</b>` : s}</td>`;
      })
      .join('');
    out.push(`<tr><th scope="row" style="text-align:left">${cellText(row.label)}</th>${cells}</tr>`);
  }
  out.push('</tbody></table>');
  for (const l of tableMetaLines(t, lang)) out.push(`<p>${cellText(l)}</p>`);
  return out.join('\n');
}

/** TSV: plain numbers (no grouping, ASCII minus) so Excel parses them in either locale. */
export function tableToTsv(t: ReportTable, lang: Language): string {
  const grid = tableGrid(t, lang);
  // A TAB or newline inside a label would break the grid; TSV has no quoting Excel honours reliably.
  return [[neutraliseText(t.title)], ...grid].map((r) => r.map((f) => f.replace(/[\t\r\n]+/g, ' ')).join('\t')).join('\n') + '\n';
}

/** Writes both flavours; falls back to TSV text. Resolves to false when the clipboard is unavailable. */
export async function copyTable(t: ReportTable, lang: Language): Promise<boolean> {
  const html = tableToHtml(t, lang);
  const tsv = tableToTsv(t, lang) + (t.synthetic ? syntheticTableNote(t, lang) + '\n' : '');
  const clip = typeof navigator !== 'undefined' ? navigator.clipboard : undefined;
  if (!clip) return false;
  try {
    if (typeof ClipboardItem !== 'undefined' && clip.write) {
      await clip.write([
        new ClipboardItem({
          'text/html': new Blob([html], { type: 'text/html' }),
          'text/plain': new Blob([tsv], { type: 'text/plain' }),
        }),
      ]);
      return true;
    }
  } catch {
    // Some browsers reject text/html items without a user gesture; plain text still works.
  }
  try {
    await clip.writeText(tsv);
    return true;
  } catch {
    return false;
  }
}
