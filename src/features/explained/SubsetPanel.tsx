/** Subset search: switch on, choose candidates and list length, follow progress, cancel, read the best models. */
import { Checkbox, Fieldset, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { JobCancelled, JobProgress } from '../kit/JobProgress';
import { JobFailure, poolFailures } from '../kit/JobFailure';
import { partProblems } from '../kit/partProblems';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';
import type { ExplainedResults } from '../../results/explained';
import { formatNumber, formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { explainedStrings } from './strings';
import { ComparisonTable } from './ComparisonTable';

export function SubsetPanel({ labels, options }: { labels: Map<string, string>; options: string[] }) {
  const s = useStrings(explainedStrings);
  const lang = useLanguage();
  const cfg = useAnalysisStore((st) => st.spec.explained.subsets);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const res: ExplainedResults['subsets'] = useAnalysisStore((st) => st.results?.explained?.subsets ?? null);
  const problems = useAnalysisStore((st) => st.results?.explained?.problems);
  const failures = poolFailures(problems, 'subsets');
  const [cancelled, setCancelled] = useState(false);
  const setEnabled = (v: boolean) => {
    setCancelled(false);
    updateSpec((d) => void (d.explained.subsets.enabled = v));
  };
  const name = (c: string) => labels.get(c) ?? c;
  const toggleCandidate = (c: string, on: boolean) =>
    updateSpec((d) => {
      const list = d.explained.subsets.candidates.filter((x) => x !== c);
      d.explained.subsets.candidates = on ? [...list, c] : list;
    });
  return (
    <section aria-labelledby="kl-subsets">
      <Heading level={2} data-size="sm" id="kl-subsets">
        {s.subsets}
      </Heading>
      <Paragraph data-size="sm">{s.subsetsIntro}</Paragraph>
      <Checkbox
        label={s.enable}
        checked={cfg.enabled}
        onChange={(e) => setEnabled(e.target.checked)}
      />
      <Fieldset data-size="sm">
        <Fieldset.Legend>{s.candidateList}</Fieldset.Legend>
        <div className="kl-checkgrid">
          {options.map((c) => (
            <Checkbox key={c} label={name(c)} checked={cfg.candidates.includes(c)} onChange={(e) => toggleCandidate(c, e.target.checked)} />
          ))}
        </div>
      </Fieldset>
      <Textfield
        label={s.top}
        type="number"
        min={2}
        max={50}
        value={cfg.top}
        onChange={(e) => {
          const v = Math.round(Number(e.target.value));
          if (v >= 2 && v <= 50) updateSpec((d) => void (d.explained.subsets.top = v));
        }}
      />
      <JobProgress
        job="subsets"
        title={s.subsetsJob}
        testId="subset-progress"
        onCancel={() => {
          setEnabled(false);
          setCancelled(true);
        }}
      />
      <JobCancelled text={cancelled ? s.subsetsCancelled : null} testId="subset-cancelled" />
      {cfg.enabled && <JobFailure problems={failures} testId="subset-failure" />}
      {cfg.enabled && <GroupedProblemList problems={partProblems(problems, 'subsets')} heading={s.subsetProblems} testId="subset-problems" routine="open" />}
      {cfg.enabled && res && (
        <>
          <Paragraph data-size="sm">
            {res.cancelled ? s.cancelled : s.evaluated(formatInteger(res.evaluated, lang), res.notFittable ? formatInteger(res.notFittable, lang) : '')}
          </Paragraph>
          <div className="kl-table-wrap" tabIndex={0}>
            <Table data-size="sm" zebra data-testid="subset-table">
              <caption>{s.subsets}</caption>
              <thead>
                <tr>
                  <th scope="col">{s.size}</th>
                  <th scope="col">{s.members}</th>
                  <th scope="col" className="kl-num">{s.r2}</th>
                  <th scope="col" className="kl-num">{s.adjR2}</th>
                  <th scope="col" className="kl-num">{s.bic}</th>
                </tr>
              </thead>
              <tbody>
                {res.bySize.flatMap((b) =>
                  b.models.map((m, i) => (
                    <tr key={`${b.size}-${m.mask}`}>
                      <th scope="row">{i === 0 ? formatInteger(b.size, lang) : ''}</th>
                      <td>{m.members.map(name).join(', ')}</td>
                      <td className="kl-num">{formatNumber(m.r2, lang, 4)}</td>
                      <td className="kl-num">{formatNumber(m.adjR2, lang, 4)}</td>
                      <td className="kl-num">{formatNumber(m.bic, lang, 1)}</td>
                    </tr>
                  )),
                )}
              </tbody>
            </Table>
          </div>
          <Paragraph data-size="sm">
            {s.bestAdj}: {res.bestByAdjR2[0]?.members.map(name).join(', ')} ({formatNumber(res.bestByAdjR2[0]?.adjR2, lang, 4)}).{' '}
            {s.bestBic}: {res.bestByBic[0]?.members.map(name).join(', ')} ({formatNumber(res.bestByBic[0]?.bic, lang, 1)}).
          </Paragraph>
          <Heading level={3} data-size="xs">
            {s.signChanges}
          </Heading>
          {res.signChanges.length === 0 ? (
            <Paragraph data-size="sm">{s.noSignChanges}</Paragraph>
          ) : (
            <ul>
              {res.signChanges.map((c) => (
                <li key={c.criterion}>{s.signChange(name(c.criterion), c.positive, c.negative)}</li>
              ))}
            </ul>
          )}
          <ComparisonTable comparison={res.refits} caption={s.refits} labels={labels} fileName="beste-delmengder" />
          <p className="kl-note">
            {s.r2Base}: {formatNumber(res.r2Base, lang, 4)}
          </p>
        </>
      )}
    </section>
  );
}
