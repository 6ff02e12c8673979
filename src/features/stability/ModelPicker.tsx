/** Which model the stability view checks; bound to spec.stability.modelId (null = follow the decomposition). */
import { Paragraph } from '@digdir/designsystemet-react';
import { useId } from 'react';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store/analysisStore';
import { ModelSelect } from '../kit/ModelSelect';
import { stabilityStrings } from './strings';

/** `label` is the analysed entry's label, which already names any candidate criteria added to it. */
export function ModelPicker({ label }: { label: string }) {
  const s = useStrings(stabilityStrings);
  const id = useId();
  const chosen = useAnalysisStore((st) => st.spec.stability.modelId);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  return (
    <div>
      <ModelSelect
        id={id}
        label={s.modelPick}
        value={chosen}
        empty={s.sameAsDecomp}
        testId="stability-model"
        onChange={(modelId) => updateSpec((d) => void (d.stability.modelId = modelId))}
      />
      <Paragraph data-size="sm" data-testid="stability-model-label">
        {s.model}: {label}
      </Paragraph>
    </div>
  );
}
