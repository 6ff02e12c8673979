/** The variable builder view: population, expenditure, ratios, age groups, formulas, corrected indicators, groupings. */
import { Field, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import { ExpenditureForm } from './ExpenditureForm';
import { AgeGroupForm, RatioForm } from './RatioAgeForms';
import { FormulaEditor } from './FormulaEditor';
import { ResidualForm } from './ResidualForm';
import { GroupingForm } from './GroupingForm';
import { DerivedTable } from './DerivedTable';
import { variableStrings } from './strings';
import { useVariableData } from './useVariableData';
import { useDeferredMount } from '../useDeferredMount';
import { DeferredSlot } from './DeferredSlot';
import './variables.css';
import { ViewShell } from '../kit/ViewShell';

export function VariablesView() {
  const s = useStrings(variableStrings);
  const population = useAnalysisStore((st) => st.spec.variables.population);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const data = useVariableData();
  const hasData = data.options.length > 0;
  // The first screenful (population and expenditure) is painted at once; the forms below it, each
  // with selects of every numeric variable, and the derived table follow one stage per frame.
  const stage = useDeferredMount(4);
  return (
    <ViewShell testId="variables-view" className="kl-vb" title={s.title} lead={s.intro}>
      {!hasData && <Paragraph>{s.noData}</Paragraph>}
      <Field data-size="sm" className="kl-vb-population">
        <Label>{s.population}</Label>
        <Paragraph data-size="xs">{s.populationHelp}</Paragraph>
        <Select value={population} onChange={(e) => updateSpec((d) => void (d.variables.population = e.target.value))} data-testid="population-select">
          {!data.labels.has(population) && <option value={population}>{population}</option>}
          {data.options.map((o) => (
            <option key={o.name} value={o.name}>
              {o.label}
            </option>
          ))}
        </Select>
      </Field>
      {hasData && (
        <>
          <ExpenditureForm data={data} />
          <DeferredSlot ready={stage >= 1} rem={37}>
            <RatioForm data={data} />
            <AgeGroupForm data={data} />
          </DeferredSlot>
          <DeferredSlot ready={stage >= 2} rem={46}>
            <FormulaEditor data={data} />
            <ResidualForm data={data} />
          </DeferredSlot>
          <DeferredSlot ready={stage >= 3} rem={12}>
            <GroupingForm data={data} />
          </DeferredSlot>
        </>
      )}
      <DeferredSlot ready={stage >= 4} rem={20}>
        <section aria-labelledby="vb-derived" className="kl-vb-section">
          <h2 id="vb-derived" className="kl-vb-h2">
            {s.derivedTitle}
          </h2>
          <DerivedTable data={data} />
        </section>
      </DeferredSlot>
    </ViewShell>
  );
}
