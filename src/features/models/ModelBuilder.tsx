/** Edits one model of spec.models.list; every change goes through updateSpec and refits in the worker. */
import { Checkbox, Chip, Fieldset, Radio, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { ModelEntry } from '../../spec/sections/models';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import { setShown, shownModels } from './modelOps';
import { modelStrings } from './strings';
import { VariableList } from './VariableList';
import { EstimatorFields } from './EstimatorFields';
import { InteractionList } from './InteractionList';
import { VariableSelect } from '../variables/VariableSelect';
import type { PickerVariable } from '../variables/VariablePicker';
import { unitWarningsFor } from '../../engine/variables/units';
import { useDeferredMount } from '../useDeferredMount';
import { DeferredSlot } from '../variables/DeferredSlot';

// Same name as SIZE_CLASS_COLUMN in the variable builder; not imported so the engine stays out of
// the main-thread bundle.
const SIZE_CLASS_COLUMN = 'size_class';
const DESIGNS = ['pooled', 'per-year', 'within', 'single', 'random'] as const;

export function ModelBuilder({
  entry,
  options,
  labels,
  years,
}: {
  entry: ModelEntry;
  options: readonly PickerVariable[];
  labels: Map<string, string>;
  years: number[];
}) {
  const s = useStrings(modelStrings);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const shown = useAnalysisStore((st) => shownModels(st.spec).some((m) => m.id === entry.id));
  const edit = (recipe: (m: ModelEntry) => void) =>
    updateSpec((d) => {
      const m = d.models.list.find((x) => x.id === entry.id);
      if (m) recipe(m);
    });
  const editSample = (recipe: (sample: NonNullable<ModelEntry['sample']>) => void) =>
    edit((m) => {
      m.sample ??= { years: null, units: null, excludeUnits: null, sizeClasses: null, sizeClassColumn: null };
      recipe(m.sample);
    });

  // Text is committed on blur so that typing does not refit the model at every key press.
  const [label, setLabel] = useState(entry.label);
  const [exclude, setExclude] = useState((entry.sample?.excludeUnits ?? []).join(', '));
  const chosenYears = entry.sample?.years ?? [];
  const chosenClasses = entry.sample?.sizeClasses ?? [];
  const toggle = (list: number[], v: number) =>
    list.includes(v) ? list.filter((x) => x !== v) : [...list, v].sort((a, b) => a - b);
  // The rows below the first hold selects of every numeric variable; mounted at once, beside the
  // results table, they made one frame of style and layout too long, so they follow frame by frame.
  const stage = useDeferredMount(2);
  // A count criterion next to a per-inhabitant dependent is warned about by its chip.
  const unitWarnings = new Map(
    unitWarningsFor(
      options.map((o) => ({ ...o, measure: o.measure ?? 'unknown', unit: o.unit ?? '' })),
      entry.dependent,
      entry.regressors,
    ).map((w) => [w.where?.variable ?? '', w]),
  );

  return (
    <div className="kl-builder" data-testid="model-builder" data-model={entry.id}>
      <div className="kl-builder-row">
        <Textfield
          label={s.label}
          data-size="sm"
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          onBlur={() => label.trim() && label !== entry.label && edit((m) => (m.label = label.trim()))}
        />
        <VariableSelect
          label={s.dependent}
          value={entry.dependent}
          onChange={(v) => edit((m) => (m.dependent = v))}
          options={options}
          none={s.choose}
          testId="dependent"
        />
        <Checkbox
          label={s.show}
          data-size="sm"
          checked={shown}
          onChange={(e) => updateSpec((d) => setShown(d, entry.id, e.target.checked))}
        />
      </div>

      <DeferredSlot ready={stage >= 1} rem={15}>
        <div className="kl-builder-row">
          <VariableList
            legend={s.criteria}
            addLabel={s.addCriterion}
            chosen={entry.regressors}
            options={options.filter((o) => o.name !== entry.dependent && !entry.controls.includes(o.name))}
            labels={labels}
            onChange={(next) => edit((m) => (m.regressors = next))}
            testId="criteria"
            warnings={unitWarnings}
          />
          <VariableList
            legend={s.controls}
            addLabel={s.addControl}
            chosen={entry.controls}
            options={options.filter((o) => o.name !== entry.dependent && !entry.regressors.includes(o.name))}
            labels={labels}
            onChange={(next) => edit((m) => (m.controls = next))}
            testId="controls"
          />
        </div>
      </DeferredSlot>
      <DeferredSlot ready={stage >= 2} rem={22}>
        <div className="kl-builder-row">
          <Fieldset data-size="sm">
            <Fieldset.Legend>{s.design}</Fieldset.Legend>
            {DESIGNS.map((d) => (
              <Radio
                key={d}
                name={`design-${entry.id}`}
                value={d}
                label={s.designs[d]}
                checked={entry.design === d}
                onChange={() =>
                  edit((m) => {
                    m.design = d;
                    if (d === 'within' || d === 'random') m.estimator = 'ols';
                    // Random effects: classical GLS SEs with an intercept and year effects (plm, xtreg re).
                    if (d === 'random') {
                      m.se = 'classical';
                      m.intercept = true;
                      m.weights = null;
                    }
                    // Interactions with the year need several years in one model.
                    if (d === 'per-year' || d === 'single') m.interactions = (m.interactions ?? []).filter((i) => i.with !== 'year');
                  })
                }
              />
            ))}
          </Fieldset>
          <div className="kl-builder-col">
            <EstimatorFields entry={entry} edit={edit} />
            {(entry.estimator ?? 'ols') === 'ols' && entry.design !== 'random' && (
              <VariableSelect
                label={s.weights}
                value={entry.weights ?? ''}
                onChange={(v) => edit((m) => (m.weights = v || null))}
                options={options}
                none={s.noWeights}
              />
            )}
            <Checkbox
              label={s.yearEffects}
              data-size="sm"
              checked={entry.yearEffects}
              disabled={entry.design === 'per-year' || entry.design === 'single'}
              onChange={(e) => edit((m) => (m.yearEffects = e.target.checked))}
            />
            <Checkbox
              label={s.intercept}
              data-size="sm"
              checked={entry.intercept}
              disabled={entry.design === 'within' || entry.design === 'random'}
              onChange={(e) => edit((m) => (m.intercept = e.target.checked))}
            />
          </div>
        </div>
        <InteractionList entry={entry} options={options} labels={labels} edit={edit} />
      </DeferredSlot>
      <DeferredSlot ready={stage >= 2} rem={28}>
        <Fieldset data-size="sm" className="kl-sample">
          <Fieldset.Legend>{s.sample}</Fieldset.Legend>
          {years.length > 0 && (
            <div role="group" aria-label={s.years} className="kl-chip-row">
              <span className="kl-chip-row-label" aria-hidden="true">
                {s.years}:
              </span>
              {years.map((y) => (
                <Chip.Checkbox
                  key={y}
                  data-size="sm"
                  checked={chosenYears.includes(y)}
                  onChange={() =>
                    editSample((smp) => {
                      const next = toggle(chosenYears, y);
                      smp.years = next.length ? next : null;
                    })
                  }
                >
                  {y}
                </Chip.Checkbox>
              ))}
              {chosenYears.length === 0 && <span className="kl-muted">({s.allYears})</span>}
            </div>
          )}
          <div role="group" aria-label={s.sizeClasses} className="kl-chip-row">
            <span className="kl-chip-row-label" aria-hidden="true">
              {s.sizeClasses}:
            </span>
            {[1, 2, 3, 4, 5, 6].map((c) => (
              <Chip.Checkbox
                key={c}
                data-size="sm"
                checked={chosenClasses.includes(c)}
                onChange={() =>
                  editSample((smp) => {
                    const next = toggle(chosenClasses, c);
                    smp.sizeClasses = next.length ? next : null;
                    smp.sizeClassColumn = next.length ? SIZE_CLASS_COLUMN : null;
                  })
                }
              >
                {s.sizeClass(c)}
              </Chip.Checkbox>
            ))}
          </div>
          <Textfield
            label={s.excludeUnits}
            data-size="sm"
            value={exclude}
            onChange={(e) => setExclude(e.target.value)}
            onBlur={() =>
              editSample((smp) => {
                const codes = exclude
                  .split(/[,;\s]+/)
                  .map((c) => c.trim())
                  .filter(Boolean);
                smp.excludeUnits = codes.length ? codes : null;
              })
            }
          />
        </Fieldset>
      </DeferredSlot>
    </div>
  );
}
