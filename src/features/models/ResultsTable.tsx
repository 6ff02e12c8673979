/**
 * The researchers' layout: one column per model (or per year), coefficient with stars over its SE or
 * t-value in parentheses; criterion × year terms grouped under their criterion; N, R², the estimator
 * and its tests (Hausman, equal effect across years) at the foot.
 */
import { Checkbox, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { FitOutcome, FitSuccess } from '../../engine/model/types';
import { starLegend, stars } from '../../engine/ols/stars';
import type { Problem } from '../../engine/problem';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { ProblemText } from '../../app/ProblemList';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';
import { estimatorName, estimatorSe, termKind } from '../../export/regressionLayout';
import { coefficientRows, type ResultColumn } from './modelOps';
import { modelStrings, type ModelStrings } from './strings';

function rowLabel(name: string, s: ModelStrings, labels: Map<string, string>): string {
  const k = termKind(name);
  const l = (v: string) => labels.get(v) ?? v;
  if (k.kind === 'intercept') return s.constant;
  if (k.kind === 'year') return s.year(k.year);
  if (k.kind === 'year-interaction') return s.inYear(k.year);
  if (k.kind === 'interaction') return s.byVar(l(k.a), l(k.b));
  return l(name);
}

function stat(o: FitOutcome | null, f: (x: FitSuccess) => string): string {
  return o?.ok ? f(o) : '';
}

function pText(p: number, lang: Language): string {
  return p < 0.001 ? `< ${formatNumber(0.001, lang, 3)}` : formatNumber(p, lang, 3);
}

export function ResultsTable({
  columns,
  labels,
  thresholds,
  parens = 'se',
  busy,
  unitNotes = [],
}: {
  columns: ResultColumn[];
  labels: Map<string, string>;
  thresholds: number[];
  parens?: 'se' | 't';
  busy: boolean;
  /** Unit warnings of the shown models (a count next to a per-inhabitant dependent): the row is
   *  marked and the warning is listed under the table. */
  unitNotes?: { model: string; problem: Problem }[];
}) {
  const s = useStrings(modelStrings);
  const lang = useLanguage();
  const [showYears, setShowYears] = useState(false);
  const rows = coefficientRows(columns, showYears);
  const ok = (c: ResultColumn) => (c.outcome?.ok ? c.outcome : null);
  const warned = new Set(unitNotes.map((n) => n.problem.where?.variable));
  const anyRefused = columns.some((c) => c.outcome && !c.outcome.ok);
  const anyWithin = columns.some((c) => ok(c)?.withinR2 !== undefined);
  const anyOther = columns.some((c) => (c.entry.estimator ?? 'ols') !== 'ols' || c.entry.design === 'random');
  const anyQuantile = columns.some((c) => ok(c)?.estimator?.kind === 'quantile');
  const anyRandom = columns.some((c) => ok(c)?.estimator?.kind === 'random');
  const anyRobust = columns.some((c) => ok(c)?.estimator?.kind === 'robust');
  const waldLabels = [...new Set(columns.flatMap((c) => (ok(c)?.waldTests ?? []).map((w) => w.label)))];
  const levels = starLegend(thresholds, lang);
  // What a fit that succeeded still has to say (a Hausman test that could not be computed, a median
  // that is not unique), each under its column's number and name.
  const fitWarnings = columns.flatMap((c) => {
    const o = ok(c);
    const name = `(${c.number}) ${c.entry.label}${c.year !== null ? ` ${c.year}` : ''}`;
    return (o?.warnings ?? []).map((w) => ({ ...w, message: `${name}: ${w.message}`, messageEn: `${name}: ${w.messageEn}` }));
  });
  const width = columns.length + 1;

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
        <Table data-size="sm" className="kl-regtable" aria-busy={busy} data-testid="results-table" data-parens={parens}>
          <caption>{parens === 't' ? s.tableCaptionT : s.tableCaption}</caption>
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
            {rows.flatMap((r) => [
              ...(r.groupStart && r.group
                ? [
                    <tr key={`group:${r.group}`} className="kl-group-row" data-group={r.group}>
                      <th scope="colgroup" colSpan={width}>
                        {s.byYear(labels.get(r.group) ?? r.group)}
                      </th>
                    </tr>,
                  ]
                : []),
              <tr key={r.name} data-coef={r.name} className={r.group ? 'kl-grouped' : undefined} data-unit-warning={warned.has(r.name) ? 'true' : undefined}>
                <th scope="row">
                  {rowLabel(r.name, s, labels)}
                  {warned.has(r.name) && <span className="kl-unit-mark"> ⚠ {s.unitMark}</span>}
                </th>
                {r.cells.map((k, i) =>
                  k ? (
                    <td key={columns[i].key} className="kl-num kl-coef">
                      <span className="kl-est">
                        {formatSignificant(k.estimate, lang, 4)}
                        <span className="kl-stars">{stars(k.p, thresholds)}</span>
                      </span>
                      <span className="kl-se">
                        ({parens === 't' ? formatNumber(k.t, lang, 2) : formatSignificant(k.se, lang, 4)})
                      </span>
                    </td>
                  ) : (
                    <td key={columns[i].key} />
                  ),
                )}
              </tr>,
            ])}
          </tbody>
          <tfoot>
            {anyOther && footRow(s.estimatorRow, (c) => estimatorName(c.entry, lang), 'row-estimator')}
            {footRow(s.n, (c) => (c.outcome ? formatInteger(c.outcome.n, lang) : s.pending), 'row-n')}
            {footRow(s.r2, (c) => stat(c.outcome, (o) => formatNumber(o.r2, lang, 3)), 'row-r2')}
            {footRow(s.adjR2, (c) => stat(c.outcome, (o) => formatNumber(o.adjR2, lang, 3)))}
            {anyQuantile &&
              footRow(s.pseudoR2, (c) =>
                stat(c.outcome, (o) => (o.estimator?.kind === 'quantile' ? formatNumber(o.estimator.pseudoR2, lang, 3) : '')),
              )}
            {anyWithin &&
              footRow(s.withinR2, (c) =>
                stat(c.outcome, (o) => (o.withinR2 === undefined ? '' : formatNumber(o.withinR2, lang, 3))),
              )}
            {footRow(s.clusters, (c) =>
              stat(c.outcome, (o) => (o.nClusters ? formatInteger(o.nClusters, lang) : '')),
            )}
            {anyRobust &&
              footRow(s.zeroWeights, (c) =>
                stat(c.outcome, (o) =>
                  o.estimator?.kind === 'robust' ? formatInteger(o.n - o.estimator.nNonzero, lang) : '',
                ),
              )}
            {anyRandom &&
              footRow(s.sigmaU, (c) =>
                stat(c.outcome, (o) =>
                  o.estimator?.kind === 'random'
                    ? `${formatNumber(Math.sqrt(o.estimator.sigma2Unit), lang, 3)} / ${formatNumber(Math.sqrt(o.estimator.sigma2Idios), lang, 3)}`
                    : '',
                ),
              )}
            {anyRandom &&
              footRow(
                s.hausman,
                (c) =>
                  stat(c.outcome, (o) => {
                    const h = o.estimator?.kind === 'random' ? o.estimator.hausman : null;
                    return h ? s.hausmanCell(formatNumber(h.statistic, lang, 2), h.df, pText(h.p, lang)) : '';
                  }),
                'row-hausman',
              )}
            {waldLabels.map((v) =>
              footRow(
                s.wald(labels.get(v) ?? v),
                (c) =>
                  stat(c.outcome, (o) => {
                    const w = o.waldTests?.find((x) => x.label === v);
                    return w ? s.waldCell(formatNumber(w.f, lang, 2), w.df1, Number.isFinite(w.df2) ? String(w.df2) : '∞', pText(w.p, lang)) : '';
                  }),
                `row-wald-${v}`,
              ),
            )}
            {footRow(s.yearFe, (c) =>
              c.entry.design === 'pooled' || c.entry.design === 'within' || c.entry.design === 'random'
                ? c.entry.yearEffects
                  ? s.yes
                  : s.no
                : s.no,
            )}
            {footRow(s.unitFe, (c) => (c.entry.design === 'within' ? s.yes : s.no))}
            {footRow(s.seRow, (c) => {
              const o = ok(c);
              return (o && estimatorSe(o, lang)) ?? s.sesShort[c.entry.se];
            })}
          </tfoot>
        </Table>
      </div>
      <p className="kl-footnote">{parens === 't' ? s.footnoteT(levels) : s.footnote(levels)}</p>
      <GroupedProblemList problems={fitWarnings} heading={s.fitWarnings} testId="fit-warnings" routine="open" />
      {unitNotes.length > 0 && (
        <ul className="kl-unit-notes" data-testid="unit-notes">
          {unitNotes.map((n, i) => (
            <li key={i} className="kl-unit-warning">
              ⚠ {n.model}: {lang === 'nb' ? n.problem.message : n.problem.messageEn}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
