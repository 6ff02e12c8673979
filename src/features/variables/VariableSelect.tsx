/** A labelled picker over the dataset's numeric variables, with an empty first choice whose text
 *  says what "none" means (choose…, population, nominal kroner). Shared by the builder forms of the
 *  variables and models views. */
import { Field, Label, Select } from '@digdir/designsystemet-react';

export interface VariableSelectProps {
  label: string;
  value: string;
  onChange(name: string): void;
  options: readonly { name: string; label: string }[];
  /** Text of the empty choice. */
  none: string;
  testId?: string;
}

export function VariableSelect({ label, value, onChange, options, none, testId }: VariableSelectProps) {
  // A saved spec may name a variable the current data lack; it stays visible (and selected) so the
  // choice is not silently replaced by "none".
  const unknown = value !== '' && !options.some((o) => o.name === value);
  return (
    <Field data-size="sm">
      <Label>{label}</Label>
      <Select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{none}</option>
        {unknown && <option value={value}>{value}</option>}
        {options.map((o) => (
          <option key={o.name} value={o.name}>
            {o.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
