/** The researchers' layout: one column per model (or per year), coefficient with stars over (SE). */
import { Checkbox, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { FitOutcome } from '../../engine/model/types';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { ProblemText } from '../../app/ProblemList';
import { stars } from '../../engine/ols/stars';
import { coefficientRows, INTERCEPT, isYearEffect, type ResultColumn } from './modelOps';
import { modelStrings, type ModelStrings } from './strings';

function rowLabel(name: string, s: ModelStrings, labels: Map<string, string>): string {
  if (name === INTERCEPT) return s.constant;
  if (isYearEffect(name)) return s.year(name.slice(5));
  return labels.get(name) ?? name;
}

function stat(o: FitOutcome | null, f: (x: Extract<FitOutcome, { ok: true }>) => string): string {
  return o?.ok ? f(o) : '';
}

export function ResultsTable({
  columns,
  labels,
  thresholds,
  busy,
}: {
  columns: ResultColumn[];
  labels: Map<string, string>;
  thresholds: number[];
  busy: boolean;
}) {
  const s = useStrings(modelStrings);
  const lang = useLanguage();
  const [showYears, setShowYears] = useState(false);
  const rows = coefficientRows(columns, showYears);
  const anyRefused = columns.some((c) => c.outcome && !c.outcome.ok);
  const anyWithin = columns.some((c) => c.outcome?.ok && c.outcome.withinR2 !== undefined);
  const sorted = [...thresholds].sort((a, b) => a - b);
  const levels = sorted
    .map((t, i) => `${'*'.repeat(sorted.length - i)} p < ${formatNumber(t, lang, t < 0.01 ? 3 : 2)}`)
    .join(', ');

  const footRow = (label: string, cell: (c: ResultColumn) => string, testId?: string) => (
    <tr data-testid={testId}>
      <th scope="row">{label}</th>
      {columns.map((c) => (
        <td key={c.key} className="kl-num">
          {cell(c)}
        </td>
      ))}
    </tr>
  );

  return (
    <div className="kl-results">
      <Checkbox
        label={s.showYearEffects}
        checked={showYears}
        onChange={(e) => setShowYears(e.target.checked)}
        data-size="sm"
      />
      <div className="kl-table-scroll" role="region" aria-label={s.scrollRegion} tabIndex={0}>
        <Table data-size="sm" className="kl-regtable" aria-busy={busy} data-testid="results-table">
          <caption>{s.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.variable}</th>
              {columns.map((c) => (
                <th key={c.key} scope="col" className="kl-num" data-model={c.entry.id}>
                  <span className="kl-colnum">({c.number})</span>
                  <span className="kl-colname">{c.entry.label}</span>
                  {c.year !== null && <span className="kl-colyear">{c.year}</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {anyRefused && (
              <tr>
                <th scope="row">{s.refused}</th>
                {columns.map((c) => (
                  <td
                    key={c.key}
                    className="kl-refusal"
                    data-testid={c.outcome && !c.outcome.ok ? 'refusal' : undefined}
                  >
                    {c.outcome && !c.outcome.ok ? <ProblemText problem={c.outcome.problem} /> : ''}
                  </td>
                ))}
              </tr>
            )}
            {rows.map((r) => (
              <tr key={r.name} data-coef={r.name}>
                <th scope="row">{rowLabel(r.name, s, labels)}</th>
                {r.cells.map((k, i) =>
                  k ? (
                    <td key={columns[i].key} className="kl-num kl-coef">
                      <span className="kl-est">
                        {formatSignificant(k.estimate, lang, 4)}
                        <span className="kl-stars">{stars(k.p, thresholds)}</span>
                      </span>
                      <span className="kl-se">({formatSignificant(k.se, lang, 4)})</span>
                    </td>
                  ) : (
                    <td key={columns[i].key} />
                  ),
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            {footRow(s.n, (c) => (c.outcome ? formatInteger(c.outcome.n, lang) : s.pending), 'row-n')}
            {footRow(s.r2, (c) => stat(c.outcome, (o) => formatNumber(o.r2, lang, 3)), 'row-r2')}
            {footRow(s.adjR2, (c) => stat(c.outcome, (o) => formatNumber(o.adjR2, lang, 3)))}
            {anyWithin &&
              footRow(s.withinR2, (c) =>
                stat(c.outcome, (o) => (o.withinR2 === undefined ? '' : formatNumber(o.withinR2, lang, 3))),
              )}
            {footRow(s.clusters, (c) =>
              stat(c.outcome, (o) => (o.nClusters ? formatInteger(o.nClusters, lang) : '')),
            )}
            {footRow(s.yearFe, (c) =>
              c.entry.design === 'pooled' || c.entry.design === 'within'
                ? c.entry.yearEffects
                  ? s.yes
                  : s.no
                : s.no,
            )}
            {footRow(s.unitFe, (c) => (c.entry.design === 'within' ? s.yes : s.no))}
            {footRow(s.seRow, (c) => s.sesShort[c.entry.se])}
          </tfoot>
        </Table>
      </div>
      <p className="kl-footnote">{s.footnote(levels)}</p>
    </div>
  );
}
