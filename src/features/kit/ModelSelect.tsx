/**
 * The one model picker: a labelled select over the analysis's models (cost key, explained variance,
 * stability). `empty` adds a first option for "none" / "follow another choice", reported as null.
 */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useAnalysisStore } from '../../store/analysisStore';

export interface ModelSelectProps {
  id: string;
  label: string;
  value: string | null;
  onChange: (modelId: string | null) => void;
  /** Text of the first, empty option; without it every option is a model. */
  empty?: string;
  testId?: string;
}

export function ModelSelect({ id, label, value, onChange, empty, testId }: ModelSelectProps) {
  const models = useAnalysisStore((st) => st.spec.models.list);
  return (
    <Field>
      <Label htmlFor={id}>{label}</Label>
      <Select
        id={id}
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => onChange(e.target.value || null)}
      >
        {empty !== undefined && <option value="">{empty}</option>}
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </Select>
    </Field>
  );
}
