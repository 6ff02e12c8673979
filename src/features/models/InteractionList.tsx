/** Criterion × year and criterion × criterion terms of a model: removable chips plus two selects. */
import { Button, Chip, Fieldset, Paragraph } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ModelEntry } from '../../spec/sections/models';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';
import { VariableSelect } from '../variables/VariableSelect';

/** The year as an interaction partner (engine YEAR_INTERACTION; not imported: engine stays off the main thread). */
const YEAR = 'year';

export function InteractionList({
  entry,
  options,
  labels,
  edit,
}: {
  entry: ModelEntry;
  options: readonly { name: string; label: string }[];
  labels: Map<string, string>;
  edit(recipe: (m: ModelEntry) => void): void;
}) {
  const s = useStrings(modelStrings);
  const [variable, setVariable] = useState('');
  const [partner, setPartner] = useState(YEAR);
  const list = entry.interactions ?? [];
  const label = (v: string) => labels.get(v) ?? v;
  const text = (i: { variable: string; with: string }) => (i.with === YEAR ? s.byYear(label(i.variable)) : s.byVar(label(i.variable), label(i.with)));
  const mains = [...entry.regressors, ...entry.controls].map((name) => ({ name, label: label(name) }));
  const yearOk = entry.design !== 'per-year' && entry.design !== 'single';
  const partners = [
    ...(yearOk ? [{ name: YEAR, label: s.withYear }] : []),
    ...options.filter((o) => o.name !== variable && o.name !== entry.dependent),
  ];
  const exists = list.some((i) => i.variable === variable && i.with === partner);
  return (
    <Fieldset data-size="sm" className="kl-interactions" data-testid="interactions">
      <Fieldset.Legend>{s.interactions}</Fieldset.Legend>
      <ul className="kl-chips" aria-label={s.interactions}>
        {list.length === 0 && <li className="kl-muted">{s.noneChosen}</li>}
        {list.map((i) => (
          <li key={`${i.variable}:${i.with}`}>
            <Chip.Removable
              data-size="sm"
              aria-label={s.removeTerm(text(i))}
              onClick={() => edit((m) => (m.interactions = (m.interactions ?? []).filter((x) => x.variable !== i.variable || x.with !== i.with)))}
            >
              {text(i)}
            </Chip.Removable>
          </li>
        ))}
      </ul>
      <div className="kl-builder-row">
        <VariableSelect label={s.interactionVariable} value={variable} onChange={setVariable} options={mains} none={s.choose} testId="interaction-variable" />
        <VariableSelect
          label={s.interactionWith}
          value={partners.some((p) => p.name === partner) ? partner : ''}
          onChange={setPartner}
          options={partners}
          none={s.choose}
          testId="interaction-with"
        />
        <Button
          data-size="sm"
          variant="secondary"
          disabled={!variable || !partner || exists || !partners.some((p) => p.name === partner)}
          onClick={() => edit((m) => (m.interactions = [...(m.interactions ?? []), { variable, with: partner }]))}
        >
          {s.addInteraction}
        </Button>
      </div>
      <Paragraph data-size="xs" className="kl-muted">
        {s.interactionHelp}
      </Paragraph>
    </Fieldset>
  );
}
