/**
 * A model comparison in the report layout: coefficient (stars) over (SE), then N, R², ΔR². On a common
 * sample N is one cell across the columns; on each model's own sample both Ns sit next to every ΔR²
 * and a warning says why that comparison misleads.
 */
import type { Language } from '../../i18n/language';
import { Alert, Table } from '@digdir/designsystemet-react';
import { ExportButtons } from '../ExportButtons';
import { comparisonReportTable, comparisonSampleNote } from '../../export/comparisonTable';
import { comparisonFitNote, hasPseudoR2, pseudoR2Label } from '../../export/comparisonFitNote';
import type { ModelComparison } from '../../engine/importance/compare';
import { formatNumber, formatPercent, formatSignificant, formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { explainedStrings, type ExplainedStrings } from './strings';
import { starLegend } from '../../engine/ols/stars';
import { ProblemText } from '../../app/ProblemList';

export interface ComparisonTableProps {
  comparison: ModelComparison;
  caption: string;
  /** Title of the exported table (default: the caption). */
  title?: string;
  labels: Map<string, string>;
  /** Show ΔR² rows (only where the first column is a baseline). */
  delta?: boolean;
  testId?: string;
  fileName?: string;
}

export function rowName(name: string, s: ExplainedStrings, labels: Map<string, string>): string {
  if (name === '(Intercept)' || name === 'intercept') return s.constant;
  return labels.get(name) ?? name;
}

export function ComparisonTable({ comparison, caption, title, labels, delta = false, testId, fileName }: ComparisonTableProps) {
  const s = useStrings(explainedStrings);
  const lang = useLanguage();
  const cols = comparison.columns;
  // Built on click through the shared exporters (xlsx with number formats, CSV in the chosen style, clipboard).
  const tables = (l: Language) => [comparisonReportTable(comparison, { id: fileName ?? 'sammenligning', title: title ?? caption, lang: l, labels, delta })];
  const sample = comparison.sample;
  const commonN = sample.mode === 'common' && sample.n !== null ? sample.n : null;
  const ownWarning = sample.mode === 'own' && sample.n === null;
  const base = cols[0];
  const note = comparisonSampleNote(comparison, lang, labels);
  // Sub-models that keep a robust or quantile estimator have no R²: the table says why (and shows a
  // quantile fit's own pseudo R²) instead of a row of dashes without a word.
  const fitNote = comparisonFitNote(comparison, lang);
  return (
    <div className="kl-table-wrap" tabIndex={0} data-testid={testId}>
      <Table data-size="sm" zebra>
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {cols.map((c, i) => (
              <th key={c.id} scope="col" className="kl-num">
                ({i + 1}) {c.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((r) => (
            <tr key={r}>
              <th scope="row">{rowName(r, s, labels)}</th>
              {cols.map((c) => {
                const cell = c.cells[r];
                return (
                  <td key={c.id} className="kl-num">
                    {cell ? (
                      <>
                        {formatSignificant(cell.estimate, lang)}
                        {cell.stars}
                        <br />
                        <span className="kl-se">({formatSignificant(cell.se, lang)})</span>
                      </>
                    ) : null}
                  </td>
                );
              })}
            </tr>
          ))}
          <tr>
            <th scope="row">{s.yearEffects}</th>
            {cols.map((c) => (
              <td key={c.id} className="kl-num">
                {c.ok ? (
                  c.yearEffects ? s.yes : s.no
                ) : (
                  // A column that could not be fitted says why, in its own column.
                  <span className="kl-refusal" data-testid="comparison-column-failure">
                    {s.failed}
                    {c.problem && (
                      <>
                        : <ProblemText problem={c.problem} />
                      </>
                    )}
                  </span>
                )}
              </td>
            ))}
          </tr>
          <tr>
            <th scope="row">{s.n}</th>
            {commonN !== null ? (
              <td colSpan={cols.length} className="kl-common-n" data-testid={testId ? `${testId}-common-n` : undefined}>
                {s.commonN(formatInteger(commonN, lang))}
              </td>
            ) : (
              cols.map((c) => (
                <td key={c.id} className="kl-num" data-testid={testId ? `${testId}-n` : undefined}>
                  {formatInteger(c.n, lang)}
                </td>
              ))
            )}
          </tr>
          <tr>
            <th scope="row">{s.r2}</th>
            {cols.map((c) => (
              <td key={c.id} className="kl-num" data-testid="r2-cell">
                {formatNumber(c.r2, lang, 3)}
              </td>
            ))}
          </tr>
          {hasPseudoR2(comparison) && (
            <tr>
              <th scope="row">{pseudoR2Label(lang)}</th>
              {cols.map((c) => (
                <td key={c.id} className="kl-num" data-testid="pseudo-r2-cell">
                  {c.ok ? formatNumber(c.pseudoR2, lang, 3) : ''}
                </td>
              ))}
            </tr>
          )}
          {delta && (
            <>
              <tr>
                <th scope="row">{s.dR2}</th>
                {cols.map((c, i) => (
                  <td key={c.id} className="kl-num" data-testid="delta-r2">
                    {i === 0 ? '' : formatNumber(c.deltaR2, lang, 4)}
                    {i > 0 && ownWarning && c.ok && base?.ok && (
                      <span className="kl-both-n" data-testid="delta-r2-n">
                        <br />⚠ {s.bothN(formatInteger(c.n, lang), formatInteger(base.n, lang))}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
              <tr>
                <th scope="row">{s.dR2Pct}</th>
                {cols.map((c, i) => (
                  <td key={c.id} className="kl-num">
                    {i === 0 ? '' : formatPercent(c.deltaR2Pct, lang, 1)}
                    {i > 0 && ownWarning && c.ok && base?.ok && (
                      <span className="kl-both-n">
                        <br />⚠ {s.bothN(formatInteger(c.n, lang), formatInteger(base.n, lang))}
                      </span>
                    )}
                  </td>
                ))}
              </tr>
            </>
          )}
        </tbody>
      </Table>
      {note && !ownWarning && (
        <p className="kl-note" data-testid={testId ? `${testId}-sample-note` : undefined}>
          {note}
        </p>
      )}
      {fitNote && (
        <p className="kl-note" data-testid={testId ? `${testId}-fit-note` : 'comparison-fit-note'}>
          {fitNote}
        </p>
      )}
      {ownWarning && (
        <Alert data-color="warning" data-size="sm" data-testid={testId ? `${testId}-own-warning` : undefined}>
          {s.ownWarning}
        </Alert>
      )}
      <p className="kl-note">
        {starLegend(comparison.starThresholds, lang)}
      </p>
      <ExportButtons fileBase={fileName ?? 'sammenligning'} tables={tables} testId={testId ? `${testId}-export` : undefined} />
    </div>
  );
}
