/**
 * Criteria with a negative weight or an insignificant coefficient, shown where the
 * weights are shown and in Omfordeling: what is wrong, and the choices the method allows (keep, set to
 * zero and re-normalise, drop from the model and estimate again). The flags and the allowed choices
 * come from the worker's cost-key result; a choice goes to the spec, and the worker recomputes.
 */
import { Alert, Heading, Paragraph, Radio } from '@digdir/designsystemet-react';
import type { CriterionChoice } from '../../engine/costkey';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import type { FlaggedKeyCriterion } from '../../results/costKey';
import { useCostKey } from './liveKey';
import { costKeyStrings } from './strings';

function setChoice(criterion: string, choice: CriterionChoice): void {
  useAnalysisStore.getState().updateSpec((d) => {
    const ck = d.costKey;
    ck.dropped = ck.dropped.filter((c) => c !== criterion);
    ck.refit = ck.refit.filter((c) => c !== criterion);
    if (choice === 'zero') ck.dropped.push(criterion);
    if (choice === 'refit') ck.refit.push(criterion);
    // The choice applies to the computed key; a hand-edited key would hide it.
    if (ck.method !== 'manual') ck.manual = null;
  });
}

export function useFlagText() {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const alpha = useAnalysisStore((st) => st.spec.costKey.alpha);
  return (f: FlaggedKeyCriterion) =>
    f.flags
      .map((x) => (x === 'negative' ? s.flagNegative(formatNumber(f.weight, lang, 4)) : s.flagInsignificant(formatNumber(f.p ?? NaN, lang, 4), formatNumber(alpha, lang, 2))))
      .join(', ');
}

export function FlaggedCriteria({ idPrefix, level = 2 }: { idPrefix: string; level?: 2 | 3 }) {
  const s = useStrings(costKeyStrings);
  const res = useCostKey();
  const edited = res?.edited ?? false;
  const lang = useLanguage();
  const text = useFlagText();
  // The choice shown is the spec's (set at once on a click), not the last result's: a controlled radio
  // bound to the worker's answer would not move until the worker had recomputed.
  const dropped = useAnalysisStore((st) => st.spec.costKey.dropped);
  const refit = useAnalysisStore((st) => st.spec.costKey.refit);
  const choiceOf = (c: string): CriterionChoice => (refit.includes(c) && res?.choices.includes('refit') ? 'refit' : dropped.includes(c) ? 'zero' : 'keep');
  if (!res || (res.flags.length === 0 && res.currentFlags.length === 0)) return null;
  const label = (c: string) => res.labels[c] ?? c;
  return (
    <Alert data-color="warning" data-testid={`${idPrefix}-flags`} className="kl-flags">
      <Heading level={level} data-size="2xs">
        {s.flagsHeading}
      </Heading>
      {res.flags.length > 0 && <Paragraph data-size="sm">{s.flagsIntro}</Paragraph>}
      {res.flags.map((f) => (
        <fieldset key={f.criterion} className="kl-flag" data-criterion={f.criterion} data-choice={choiceOf(f.criterion)}>
          <legend>
            <strong>{label(f.criterion)}</strong>: {text(f)}
          </legend>
          {res.choices.map((c) => (
            <Radio
              key={c}
              data-size="sm"
              name={`${idPrefix}-flag-${f.criterion}`}
              value={c}
              label={s.choices[c]}
              checked={choiceOf(f.criterion) === c}
              onChange={() => setChoice(f.criterion, c)}
            />
          ))}
        </fieldset>
      ))}
      {edited && res.flags.length > 0 && <Paragraph data-size="sm">{s.choiceResetsEdit}</Paragraph>}
      {res.currentFlags.map((f) => (
        <Paragraph key={`current-${f.criterion}`} data-size="sm" data-testid={`${idPrefix}-current-flag`}>
          {s.currentFlag(res.currentText[lang], label(f.criterion), text(f))}
        </Paragraph>
      ))}
    </Alert>
  );
}
