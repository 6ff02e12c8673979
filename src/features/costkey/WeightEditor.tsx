/** Editable proposed weights (slider + number per criterion). Every change goes through editWeight. */
import { Button, Checkbox, Paragraph } from '@digdir/designsystemet-react';
import { BASIC } from '../../engine/costkey';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { editWeight, resetToComputed, useCostKey, useKeyOutcome, useLiveKey } from './liveKey';
import { costKeyStrings } from './strings';
import { useFlagText } from './FlaggedCriteria';

export function WeightEditor({ idPrefix }: { idPrefix: string }) {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const res = useCostKey();
  const outcome = useKeyOutcome();
  const balance = useLiveKey((st) => st.balance);
  const setBalance = useLiveKey((st) => st.setBalance);
  const flagText = useFlagText();
  if (!res || !outcome) return null;
  const flagged = new Map(res.flags.map((f) => [f.criterion, f]));
  const names = [BASIC, ...res.criteria];
  const label = (c: string) => (c === BASIC ? s.basicCriterion : (res.labels[c] ?? c));
  return (
    <fieldset className="kl-weights-editor" data-testid={`${idPrefix}-weight-editor`}>
      <legend>{s.proposed}</legend>
      {names.map((c) => {
        const v = outcome.key[c] ?? 0;
        const id = `${idPrefix}-w-${c}`;
        return (
          <div key={c} className="kl-weight-row" style={{ display: 'grid', gridTemplateColumns: 'minmax(10rem, 1fr) 12rem 7rem', gap: '0.5rem', alignItems: 'center' }}>
            <label htmlFor={id}>
              {label(c)}
              {flagged.has(c) && (
                // A negative or insignificant weight is not an ordinary slider value: say so by the slider.
                <span className="kl-flag-mark" data-testid={`${idPrefix}-flag-${c}`}>
                  {' '}
                  ⚠ {flagText(flagged.get(c)!)}
                </span>
              )}
            </label>
            <input
              type="range"
              min={-0.5}
              max={1}
              step={0.005}
              value={v}
              aria-label={s.sliderFor(label(c))}
              data-criterion={c}
              onChange={(e) => editWeight(c, Number(e.target.value))}
            />
            <input
              id={id}
              type="number"
              step={0.001}
              value={Number(v.toFixed(6))}
              data-testid={`${idPrefix}-weight-${c}`}
              onChange={(e) => editWeight(c, Number(e.target.value))}
            />
          </div>
        );
      })}
      <Paragraph data-size="sm" role="status" data-testid={`${idPrefix}-weight-sum`} data-ok={outcome.sumOk ? 'true' : 'false'}>
        {s.sum}: {formatNumber(outcome.sum, lang, 4)} – {outcome.sumOk ? s.sumOk : s.sumBad}
      </Paragraph>
      <Checkbox label={s.balance} checked={balance} onChange={(e) => setBalance(e.target.checked)} />
      {res.edited && (
        <Button variant="secondary" data-size="sm" onClick={resetToComputed}>
          {s.reset}
        </Button>
      )}
    </fieldset>
  );
}

/** The identity checks (mean index 1, sums 0) as a small definition list. */
export function KeyChecks() {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const o = useKeyOutcome();
  if (!o) return null;
  const ok = (b: boolean) => (b ? s.ok : s.notOk);
  const c = o.checks;
  return (
    <dl className="kl-checks" data-testid="costkey-checks" data-ok={c.ok ? 'true' : 'false'}>
      <dt>{s.meanIndex}</dt>
      <dd>
        {formatNumber(c.meanIndex, lang, 6)} ({ok(Math.abs(c.meanIndex - 1) < 1e-9)})
      </dd>
      <dt>{s.sumAmount}</dt>
      <dd>
        {formatNumber(c.sumAmount, lang, 4)} kr ({ok(Math.abs(c.sumAmount) <= c.tolerance)})
      </dd>
      <dt>{s.sumChange}</dt>
      <dd>
        {formatNumber(c.sumChange, lang, 4)} kr ({ok(Math.abs(c.sumChange) <= c.tolerance)})
      </dd>
    </dl>
  );
}
