/** The estimator of a model (OLS, robust, median, quantile τ) and its matching standard errors. */
import { Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ModelEntry } from '../../spec/sections/models';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';

const ESTIMATORS = ['ols', 'robust', 'median', 'quantile'] as const;
const SES = ['cluster', 'hc1', 'classical'] as const;

export function EstimatorFields({ entry, edit }: { entry: ModelEntry; edit(recipe: (m: ModelEntry) => void): void }) {
  const s = useStrings(modelStrings);
  const estimator = entry.estimator ?? 'ols';
  const [tau, setTau] = useState(String(entry.tau ?? 0.5));
  const quantile = estimator === 'median' || estimator === 'quantile';
  const help = s.estimatorHelp[estimator];
  return (
    <>
      <Field data-size="sm">
        <Label>{s.estimator}</Label>
        <Select
          value={estimator}
          data-testid="estimator"
          onChange={(e) =>
            edit((m) => {
              const next = e.target.value as (typeof ESTIMATORS)[number];
              m.estimator = next;
              if (next !== 'ols') {
                // rreg and qreg: cross-sections or pooled, no weights, no cluster SEs (as Stata).
                if (m.design === 'within' || m.design === 'random') m.design = 'per-year';
                m.weights = null;
                if (m.se === 'cluster') m.se = 'classical';
              }
            })
          }
        >
          {ESTIMATORS.map((x) => (
            <option key={x} value={x}>
              {s.estimators[x]}
            </option>
          ))}
        </Select>
      </Field>
      {estimator === 'quantile' && (
        <Textfield
          label={s.tau}
          data-size="sm"
          inputMode="decimal"
          value={tau}
          data-testid="tau"
          onChange={(e) => setTau(e.target.value)}
          onBlur={() => {
            const v = Number(tau.replace(',', '.'));
            if (v > 0 && v < 1 && v !== entry.tau) edit((m) => (m.tau = v));
            else setTau(String(entry.tau ?? 0.5));
          }}
        />
      )}
      {help && (
        <Paragraph data-size="xs" className="kl-muted">
          {help}
        </Paragraph>
      )}
      {estimator === 'robust' || entry.design === 'random' ? (
        <Field data-size="sm">
          <Label>{s.se}</Label>
          <Paragraph data-size="sm" data-testid="se-fixed">
            {estimator === 'robust' ? s.seRobust : s.seRandom}
          </Paragraph>
        </Field>
      ) : (
        <Field data-size="sm">
          <Label>{s.se}</Label>
          <Select value={entry.se} onChange={(e) => edit((m) => (m.se = e.target.value as ModelEntry['se']))}>
            {SES.filter((x) => !quantile || x !== 'cluster').map((x) => (
              <option key={x} value={x}>
                {quantile ? s.sesQuantile[x] : s.ses[x]}
              </option>
            ))}
          </Select>
        </Field>
      )}
    </>
  );
}
