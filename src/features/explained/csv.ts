/** CSV text of a comparison table (semicolon-separated, decimal point kept for spreadsheets). */
import type { ModelComparison } from '../../engine/importance/compare';
import type { ExplainedStrings } from './strings';

const q = (v: string) => (/[;"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const num = (x: number) => (Number.isFinite(x) ? String(x) : '');

export function comparisonCsv(
  c: ModelComparison,
  label: (name: string) => string,
  s: ExplainedStrings,
  delta: boolean,
): string {
  const lines: string[][] = [['', ...c.columns.map((col) => col.label)]];
  for (const r of c.rows) {
    lines.push([label(r), ...c.columns.map((col) => (col.cells[r] ? num(col.cells[r].estimate) + col.cells[r].stars : ''))]);
    lines.push(['', ...c.columns.map((col) => (col.cells[r] ? `(${num(col.cells[r].se)})` : ''))]);
  }
  lines.push([s.n, ...c.columns.map((col) => String(col.n))]);
  lines.push([s.r2, ...c.columns.map((col) => num(col.r2))]);
  if (delta) {
    lines.push([s.dR2, ...c.columns.map((col, i) => (i === 0 ? '' : num(col.deltaR2)))]);
    lines.push([s.dR2Pct, ...c.columns.map((col, i) => (i === 0 ? '' : num(col.deltaR2Pct)))]);
  }
  return lines.map((l) => l.map(q).join(';')).join('\n') + '\n';
}

export function downloadText(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
