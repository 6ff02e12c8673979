/**
 * A list of chosen variables as removable chips plus a select to add one. Used for the described
 * variables and for the correlation matrix; an empty list means the spec's default (shown in `help`).
 */
import { Chip, Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { describeStrings } from './strings';

export interface ChipPickerProps {
  title: string;
  help: string;
  addLabel: string;
  chosen: string[];
  options: { name: string; label: string }[];
  onChange(next: string[]): void;
  testId: string;
}

export function ChipPicker({ title, help, addLabel, chosen, options, onChange, testId }: ChipPickerProps) {
  const s = useStrings(describeStrings);
  const id = useId();
  const selectId = useId();
  const labels = new Map(options.map((o) => [o.name, o.label]));
  return (
    <div className="kl-ds-picker" data-testid={testId}>
      <div id={id} className="kl-ds-legend">
        {title}
      </div>
      <Paragraph data-size="xs">{help}</Paragraph>
      <ul className="kl-ds-chips" aria-labelledby={id}>
        {chosen.map((v) => (
          <li key={v}>
            <Chip.Removable data-size="sm" aria-label={s.remove(labels.get(v) ?? v)} onClick={() => onChange(chosen.filter((c) => c !== v))}>
              {labels.get(v) ?? v}
            </Chip.Removable>
          </li>
        ))}
      </ul>
      <Field data-size="sm" className="kl-ds-narrow">
        <Label htmlFor={selectId}>{addLabel}</Label>
        <Select id={selectId} value="" data-testid={`${testId}-add`} onChange={(e) => e.target.value && onChange([...chosen, e.target.value])}>
          <option value="">{s.choose}</option>
          {options
            .filter((o) => !chosen.includes(o.name))
            .map((o) => (
              <option key={o.name} value={o.name}>
                {o.label}
              </option>
            ))}
        </Select>
      </Field>
    </div>
  );
}
