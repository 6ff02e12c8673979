/** A chosen-variables list: removable chips plus a select to add one more (keyboard friendly). */
import { Chip } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';
import { VariableSelect } from '../variables/VariableSelect';

export function VariableList({
  legend,
  addLabel,
  chosen,
  options,
  labels,
  onChange,
  testId,
}: {
  legend: string;
  addLabel: string;
  chosen: string[];
  options: { name: string; label: string }[];
  labels: Map<string, string>;
  onChange(next: string[]): void;
  testId: string;
}) {
  const s = useStrings(modelStrings);
  const id = useId();
  const available = options.filter((o) => !chosen.includes(o.name));
  return (
    <div className="kl-varlist" data-testid={testId}>
      <div className="kl-varlist-legend" id={`${id}-legend`}>
        {legend}
      </div>
      <ul className="kl-chips" aria-labelledby={`${id}-legend`}>
        {chosen.length === 0 && <li className="kl-muted">{s.noneChosen}</li>}
        {chosen.map((v) => (
          <li key={v}>
            <Chip.Removable
              data-size="sm"
              aria-label={s.removeVar(labels.get(v) ?? v)}
              onClick={() => onChange(chosen.filter((c) => c !== v))}
            >
              {labels.get(v) ?? v}
            </Chip.Removable>
          </li>
        ))}
      </ul>
      <VariableSelect
        label={addLabel}
        value=""
        onChange={(v) => v && onChange([...chosen, v])}
        options={available}
        none={s.choose}
      />
    </div>
  );
}
