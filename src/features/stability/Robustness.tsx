/**
 * Leave-one-year-out table and the cluster-bootstrap panel (B selectable, default 999), each with its
 * job's progress and «Avbryt» while it runs and its failure in a helper thread when it fails twice.
 */
import { Checkbox, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { StabilityResults } from '../../results/stability';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { stabilityStrings } from './strings';
import { bootstrapInfo } from './bootstrapInfo';
import { ExportButtons } from '../ExportButtons';
import { bootstrapReportTable, leaveOneOutReportTable } from '../../export/stabilityTables';
import { JobCancelled, JobProgress } from '../kit/JobProgress';
import { JobFailure, poolFailures } from '../kit/JobFailure';
import { partProblems } from '../kit/partProblems';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';
import { ProblemText } from '../../app/ProblemList';

/**
 * «Vis ett år utelatt» with its job's progress, «Avbryt» (switches it off and says so) and failure.
 * The demo's panel is refitted in the analysis worker (too small for the pool); a big one goes to the pool.
 */
export function LeaveOneOutSwitch({ res }: { res: StabilityResults | undefined }) {
  const s = useStrings(stabilityStrings);
  const on = useAnalysisStore((st) => st.spec.stability.leaveOneYearOut);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const [cancelled, setCancelled] = useState(false);
  const set = (v: boolean) => {
    setCancelled(false);
    updateSpec((d) => void (d.stability.leaveOneYearOut = v));
  };
  return (
    <>
      <Checkbox label={s.loyoOn} checked={on} onChange={(e) => set(e.target.checked)} />
      <JobProgress
        job="leave-one-year-out"
        title={s.loyoJob}
        testId="loyo-progress"
        onCancel={() => {
          set(false);
          setCancelled(true);
        }}
      />
      <JobCancelled text={cancelled ? s.loyoCancelled : null} testId="loyo-cancelled" />
      {on && <JobFailure problems={poolFailures(res?.problems, 'leave-one-year-out')} testId="loyo-failure" />}
      {on && <GroupedProblemList problems={partProblems(res?.problems, 'leave-one-year-out')} heading={s.loyoProblems} testId="loyo-problems" routine="open" />}
    </>
  );
}

export function LeaveOneOut({ res, labels }: { res: StabilityResults; labels: Map<string, string> }) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  const loyo = res.leaveOneYearOut;
  if (!loyo) return null;
  const rows = loyo.all ? [loyo.all, ...loyo.fits] : loyo.fits;
  return (
    <div className="kl-table-wrap" tabIndex={0}>
      <Table data-size="sm" zebra data-testid="loyo-table">
        <caption>{s.loyo}</caption>
        <thead>
          <tr>
            <th scope="col">{s.left}</th>
            <th scope="col" className="kl-num">{s.n}</th>
            <th scope="col" className="kl-num">{s.r2}</th>
            {loyo.criteria.map((c) => (
              <th key={c} scope="col" className="kl-num">
                {labels.get(c) ?? c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((f, i) => (
            <tr key={i}>
              <th scope="row">{Number.isNaN(f.year) ? s.none : f.year}</th>
              <td className="kl-num">{formatInteger(f.n, lang)}</td>
              {f.ok ? (
                <>
                  <td className="kl-num">{formatNumber(f.r2, lang, 3)}</td>
                  {f.estimate.map((e, j) => (
                    <td key={j} className="kl-num">
                      {formatSignificant(e, lang)}
                    </td>
                  ))}
                </>
              ) : (
                // A refit that failed says why in its own row (the other years stand).
                <td colSpan={1 + f.estimate.length} className="kl-refusal" data-testid="loyo-refusal">
                  {s.notFitted}
                  {f.problem && (
                    <>
                      : <ProblemText problem={f.problem} />
                    </>
                  )}
                </td>
              )}
            </tr>
          ))}
          <tr>
            <th scope="row">{s.maxShift}</th>
            <td />
            <td />
            {loyo.maxShift.map((m, j) => (
              <td key={j} className="kl-num">
                {formatSignificant(m, lang)}
              </td>
            ))}
          </tr>
        </tbody>
      </Table>
      <ExportButtons
        fileBase="ett-aar-utelatt"
        testId="loyo-export"
        tables={(l) => [leaveOneOutReportTable(loyo, { lang: l, model: res.label, labels })]}
      />
    </div>
  );
}

export function BootstrapPanel({ res, labels }: { res: StabilityResults | undefined; labels: Map<string, string> }) {
  const s = useStrings(stabilityStrings);
  const lang = useLanguage();
  const cfg = useAnalysisStore((st) => st.spec.stability);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const b = res?.bootstrap;
  const [cancelled, setCancelled] = useState(false);
  const set = (v: boolean) => {
    setCancelled(false);
    updateSpec((d) => void (d.stability.bootstrap = v));
  };
  return (
    <section aria-labelledby="kl-boot">
      <Heading level={2} data-size="sm" id="kl-boot">
        {s.bootstrap}
      </Heading>
      <Checkbox label={s.bootstrapOn} checked={cfg.bootstrap} onChange={(e) => set(e.target.checked)} />
      <div className="kl-row">
        <Textfield
          label={s.B}
          type="number"
          min={10}
          max={100000}
          value={cfg.bootstrapB}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (v >= 10 && v <= 100000) updateSpec((d) => void (d.stability.bootstrapB = v));
          }}
        />
        <Textfield
          label={s.seed}
          type="number"
          value={cfg.seed}
          onChange={(e) => {
            const v = Math.round(Number(e.target.value));
            if (Number.isFinite(v)) updateSpec((d) => void (d.stability.seed = v));
          }}
        />
      </div>
      <JobProgress
        job="cluster-bootstrap"
        title={s.bootstrapJob}
        testId="bootstrap-progress"
        onCancel={() => {
          set(false);
          setCancelled(true);
        }}
      />
      <JobCancelled text={cancelled ? s.bootstrapCancelled : null} testId="bootstrap-cancelled" />
      {cfg.bootstrap && <JobFailure problems={poolFailures(res?.problems, 'cluster-bootstrap')} testId="bootstrap-failure" />}
      {cfg.bootstrap && (
        <GroupedProblemList problems={partProblems(res?.problems, 'cluster-bootstrap')} heading={s.bootstrapProblems} testId="bootstrap-problems" routine="open" />
      )}
      {cfg.bootstrap && b && (
        <>
          <Paragraph data-size="sm" data-testid="bootstrap-info">
            {bootstrapInfo(b, lang)}
          </Paragraph>
          <div className="kl-table-wrap" tabIndex={0}>
            <Table data-size="sm" zebra data-testid="bootstrap-table">
              <caption>{s.bootstrap}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.criterion}</th>
                  <th scope="col" className="kl-num">{s.estimate}</th>
                  <th scope="col" className="kl-num">{s.bootSe}</th>
                  <th scope="col" className="kl-num">{s.pctCi}</th>
                </tr>
              </thead>
              <tbody>
                {b.names.map((n, j) =>
                  n.startsWith('year_') || n === 'intercept' ? null : (
                    <tr key={n}>
                      <th scope="row">{labels.get(n) ?? n}</th>
                      <td className="kl-num">{formatSignificant(b.estimate[j], lang)}</td>
                      <td className="kl-num">{formatSignificant(b.se[j], lang)}</td>
                      <td className="kl-num">
                        [{formatSignificant(b.ciLow[j], lang)}; {formatSignificant(b.ciHigh[j], lang)}]
                      </td>
                    </tr>
                  ),
                )}
              </tbody>
            </Table>
          </div>
          <ExportButtons
            fileBase="bootstrap"
            testId="bootstrap-export"
            tables={(l) => [bootstrapReportTable(b, { lang: l, model: res?.label ?? '', labels })]}
          />
        </>
      )}
    </section>
  );
}
