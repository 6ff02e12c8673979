/**
 * A chosen-variables list: removable chips, each with its unit and any unit warning next to it, plus
 * a searchable picker to add one more (keyboard friendly).
 */
import { Chip } from '@digdir/designsystemet-react';
import { useId } from 'react';
import type { Problem } from '../../engine/problem';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';
import { VariablePicker, type PickerVariable } from '../variables/VariablePicker';

export function VariableList({
  legend,
  addLabel,
  chosen,
  options,
  labels,
  onChange,
  testId,
  warnings,
}: {
  legend: string;
  addLabel: string;
  chosen: string[];
  options: readonly PickerVariable[];
  labels: Map<string, string>;
  onChange(next: string[]): void;
  testId: string;
  /** Unit warnings by variable (a count next to a per-inhabitant dependent …), shown by its chip. */
  warnings?: ReadonlyMap<string, Problem>;
}) {
  const s = useStrings(modelStrings);
  const lang = useLanguage();
  const id = useId();
  const available = options.filter((o) => !chosen.includes(o.name));
  const units = new Map(options.map((o) => [o.name, o.unit]));
  return (
    <div className="kl-varlist" data-testid={testId}>
      <div className="kl-varlist-legend" id={`${id}-legend`}>
        {legend}
      </div>
      <ul className="kl-chips" aria-labelledby={`${id}-legend`}>
        {chosen.length === 0 && <li className="kl-muted">{s.noneChosen}</li>}
        {chosen.map((v) => {
          const w = warnings?.get(v);
          const unit = units.get(v);
          return (
            <li key={v} data-variable={v} data-warning={w ? 'true' : undefined}>
              <Chip.Removable
                data-size="sm"
                aria-label={s.removeVar(labels.get(v) ?? v)}
                onClick={() => onChange(chosen.filter((c) => c !== v))}
              >
                {labels.get(v) ?? v}
              </Chip.Removable>
              {unit && <span className="kl-chip-unit"> {unit}</span>}
              {w && (
                <p className="kl-unit-warning" data-testid="unit-warning">
                  ⚠ {lang === 'nb' ? w.message : w.messageEn}
                </p>
              )}
            </li>
          );
        })}
      </ul>
      <VariablePicker label={addLabel} value={null} onChange={(v) => v && onChange([...chosen, v])} options={available} testId={`${testId}-picker`} />
    </div>
  );
}
