/** The explained-variance view: comparison against today's key, R² decomposition, subset search. */
import { Button, Fieldset, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { baselineEntry } from '../../spec/sections/explained';
import { explainedStrings } from './strings';
import { ComparisonTable } from './ComparisonTable';
import { Decomposition } from './Decomposition';
import { SubsetPanel } from './SubsetPanel';
import { VariablePicker } from '../variables/VariablePicker';
import { unitWarningsFor } from '../../engine/variables/units';
import { useLanguage } from '../../i18n/useLanguage';
import { ModelSelect } from '../kit/ModelSelect';
import { ViewShell } from '../kit/ViewShell';
import { JobFailure, poolFailures } from '../kit/JobFailure';
import { partProblems } from '../kit/partProblems';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';

export function ExplainedView() {
  const s = useStrings(explainedStrings);
  const spec = useAnalysisStore((st) => st.spec);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const results = useAnalysisStore((st) => st.results?.explained);
  const numeric = useAnalysisStore((st) => st.results?.dataset?.numericColumns);
  const [pick, setPick] = useState('');
  const labels = useMemo(() => new Map((numeric ?? []).map((c) => [c.name, c.label || c.name])), [numeric]);
  const base = baselineEntry(spec.explained, spec.models);
  const candidates = spec.explained.candidateCriteria;
  const used = new Set(base ? [base.dependent, ...base.regressors, ...base.controls, ...candidates] : candidates);
  const options = (numeric ?? []).filter((c) => !used.has(c.name) && c.name !== 'aar');
  const lang = useLanguage();
  // A count picked as a candidate next to a per-inhabitant dependent is warned about.
  const warnings = new Map(
    base && numeric ? unitWarningsFor(numeric, base.dependent, [...candidates, ...(pick ? [pick] : [])]).map((w) => [w.where?.variable ?? '', w]) : [],
  );
  const pickWarning = pick ? warnings.get(pick) : undefined;

  const addCandidate = () => {
    if (!pick) return;
    updateSpec((d) => {
      if (!d.explained.candidateCriteria.includes(pick)) d.explained.candidateCriteria.push(pick);
    });
    setPick('');
  };
  const removeCandidate = (c: string) =>
    updateSpec((d) => void (d.explained.candidateCriteria = d.explained.candidateCriteria.filter((x) => x !== c)));

  return (
    <ViewShell testId="explained-view" title={s.title} lead={s.intro}>
      {!base ? (
        <Paragraph>{s.noModel}</Paragraph>
      ) : (
        <>
          <ModelSelect
            id="kl-baseline"
            label={s.baseline}
            value={base.id}
            onChange={(id) => updateSpec((d) => void (d.explained.baselineModelId = id ?? base.id))}
          />
          {/* Empty value = null in the spec: follow today's key when it changes. */}
          <ModelSelect
            id="kl-decomp-model"
            label={s.decompositionModel}
            value={spec.explained.decompositionModelId}
            empty={s.sameAsBaseline}
            testId="decomposition-model"
            onChange={(id) => updateSpec((d) => void (d.explained.decompositionModelId = id))}
          />
          <div className="kl-row">
            <VariablePicker
              label={s.addCandidate}
              value={pick || null}
              onChange={(v) => setPick(v ?? '')}
              options={options}
              testId="add-candidate-picker"
              warning={pickWarning && (lang === 'nb' ? pickWarning.message : pickWarning.messageEn)}
            />
            <Button onClick={addCandidate} disabled={!pick} data-testid="add-candidate">
              {s.add}
            </Button>
          </div>
          <Heading level={2} data-size="xs">
            {s.candidates}
          </Heading>
          {candidates.length === 0 ? (
            <Paragraph data-size="sm">{s.noCandidates}</Paragraph>
          ) : (
            <ul className="kl-chips">
              {candidates.map((c) => {
                const w = warnings.get(c);
                return (
                  <li key={c} data-variable={c} data-warning={w ? 'true' : undefined}>
                    {labels.get(c) ?? c}{' '}
                    <Button variant="tertiary" data-size="sm" onClick={() => removeCandidate(c)} aria-label={s.remove(labels.get(c) ?? c)}>
                      ×
                    </Button>
                    {w && (
                      <p className="kl-unit-warning" data-testid="unit-warning">
                        ⚠ {lang === 'nb' ? w.message : w.messageEn}
                      </p>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
          <Fieldset data-size="sm" data-testid="comparison-sample">
            <Fieldset.Legend>{s.sampleChoice}</Fieldset.Legend>
            {(['common', 'own'] as const).map((m) => (
              <Radio
                key={m}
                name="kl-comparison-sample"
                value={m}
                label={m === 'common' ? s.sampleCommon : s.sampleOwn}
                checked={spec.explained.sample === m}
                onChange={() => updateSpec((d) => void (d.explained.sample = m))}
              />
            ))}
          </Fieldset>
          {results?.comparison && (
            <section aria-labelledby="kl-comparison">
              <Heading level={2} data-size="sm" id="kl-comparison">
                {s.comparison}
              </Heading>
              <ComparisonTable
                comparison={results.comparison}
                caption={s.comparisonCaption}
                title={s.comparison}
                labels={labels}
                delta
                testId="comparison-table"
                fileName="modellsammenligning"
              />
            </section>
          )}
          {/* The decomposition's own messages (its estimator note, a sample or fit it could not make) stand
              where it is, or where it would have been. */}
          <GroupedProblemList
            problems={partProblems(results?.problems, null)}
            heading={s.decompositionProblems}
            testId="decomposition-problems"
            routine="open"
          />
          {results?.relimp && results.analysed && (
            <Decomposition rel={results.relimp} labels={labels} controls={results.analysed.controls} nDropped={results.analysed.nDropped} />
          )}
          {/* Sampled LMG (over 15 criteria) runs on the pool: its failure stands where the decomposition would. */}
          <JobFailure problems={poolFailures(results?.problems, 'sampled-lmg')} testId="lmg-failure" />
          {results?.oneAtATime && (
            <section aria-labelledby="kl-one">
              <Heading level={2} data-size="sm" id="kl-one">
                {s.oneAtATime}
              </Heading>
              <ComparisonTable comparison={results.oneAtATime} caption={s.oneAtATime} labels={labels} testId="one-at-a-time" fileName="ett-om-gangen" />
            </section>
          )}
          {results?.stepwise && (
            <section aria-labelledby="kl-step">
              <Heading level={2} data-size="sm" id="kl-step">
                {s.stepwise}
              </Heading>
              <ComparisonTable comparison={results.stepwise} caption={s.stepwise} labels={labels} fileName="trinnvis" />
            </section>
          )}
          <SubsetPanel
            labels={labels}
            options={[...new Set([...(results?.analysed?.criteria ?? []), ...spec.explained.subsets.candidates])]}
          />
        </>
      )}
    </ViewShell>
  );
}
