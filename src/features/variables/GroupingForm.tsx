/** Groupings from uploaded columns (county, KOSTRA group); the size classes are always there. */
import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import { uniqueId } from './specOps';
import { variableStrings } from './strings';
import type { VariableData } from './useVariableData';
import { VariableSelect } from './VariableSelect';

export function GroupingForm({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const [column, setColumn] = useState('');
  const [label, setLabel] = useState('');
  const add = () => {
    const name = label.trim() || (data.labels.get(column) ?? column);
    const id = uniqueId(`gruppe_${label.trim() || column}`, data.taken);
    if (updateSpec((d) => void d.variables.groupings.push({ id, label: name, kind: 'column', column }))) setLabel('');
  };
  return (
    <section className="kl-vb-section" aria-labelledby="vb-group" data-testid="grouping-form">
      <h2 id="vb-group" className="kl-vb-h2">
        {s.groupings}
      </h2>
      <Paragraph data-size="sm">{s.groupingsHelp}</Paragraph>
      <div className="kl-vb-row">
        <VariableSelect label={s.column} value={column} onChange={setColumn} options={data.options} none={s.choose} />
        <Textfield data-size="sm" label={s.label} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button data-size="sm" onClick={add} disabled={!column}>
          {s.add}
        </Button>
      </div>
    </section>
  );
}
