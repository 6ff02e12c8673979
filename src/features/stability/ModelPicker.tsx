/** Which model the stability view checks; bound to spec.stability.modelId (null = follow the decomposition). */
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { stabilityStrings } from './strings';

/** `label` is the analysed entry's label, which already names any candidate criteria added to it. */
export function ModelPicker({ label }: { label: string }) {
  const s = useStrings(stabilityStrings);
  const id = useId();
  const models = useAnalysisStore((st) => st.spec.models.list);
  const chosen = useAnalysisStore((st) => st.spec.stability.modelId);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  return (
    <div>
      <Field>
        <Label htmlFor={id}>{s.modelPick}</Label>
        <Select
          id={id}
          data-testid="stability-model"
          value={chosen ?? ''}
          onChange={(e) => updateSpec((d) => void (d.stability.modelId = e.target.value || null))}
        >
          <option value="">{s.sameAsDecomp}</option>
          {models.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </Select>
      </Field>
      <Paragraph data-size="sm" data-testid="stability-model-label">
        {s.model}: {label}
      </Paragraph>
    </div>
  );
}
