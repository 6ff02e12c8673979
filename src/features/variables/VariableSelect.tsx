/** A labelled picker over the dataset's numeric variables, with an empty first choice whose text
 *  says what "none" means (choose…, population, nominal kroner). Shared by the builder forms. */
import { Field, Label, Select } from '@digdir/designsystemet-react';

export interface VariableSelectProps {
  label: string;
  value: string;
  onChange(name: string): void;
  options: { name: string; label: string }[];
  /** Text of the empty choice. */
  none: string;
}

export function VariableSelect({ label, value, onChange, options, none }: VariableSelectProps) {
  return (
    <Field data-size="sm">
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{none}</option>
        {options.map((o) => (
          <option key={o.name} value={o.name}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
