import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import { DroppedUnits } from './DroppedUnits';
import { droppedCount, droppedPage } from '../../results/droppedPack';
import { ModelBuilder } from './ModelBuilder';
import { addEstimatorComparison, addModel, duplicateModel, removeModel, resultColumns, shownModels } from './modelOps';
import { TableOptions } from './TableOptions';
import { ResultsTable } from './ResultsTable';
import { unitWarningsFor } from '../../engine/variables/units';
import { modelStrings } from './strings';
import { ViewShell } from '../kit/ViewShell';

export function ModelsView() {
  const s = useStrings(modelStrings);
  const spec = useAnalysisStore((st) => st.spec);
  // Each section on its own: a view re-renders only when the results it shows change.
  const dataset = useAnalysisStore((st) => st.results?.dataset);
  const models = useAnalysisStore((st) => st.results?.models);
  const status = useAnalysisStore((st) => st.status);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const list = spec.models.list;
  const [selected, setSelected] = useState<string | null>(null);
  const current = list.find((m) => m.id === selected) ?? list[0];

  const options = useMemo(() => dataset?.numericColumns ?? [], [dataset]);
  const labels = useMemo(() => new Map(options.map((o) => [o.name, o.label])), [options]);
  const unitNames = useMemo(() => new Map((dataset?.units ?? []).map((u) => [u.code, u.name])), [dataset]);
  const shown = shownModels(spec);
  const columns = resultColumns(shown, models, list, spec.models.columnOrder);
  // Criteria on a size scale next to a per-inhabitant dependent, per shown model.
  const unitNotes = useMemo(
    () => shown.flatMap((m) => unitWarningsFor(options, m.dependent, m.regressors).map((problem) => ({ model: m.label, problem }))),
    [shown, options],
  );
  const busy = status === 'running' || status === 'loading';

  const fallbackDependent =
    dataset?.derived.find((d) => d.kind === 'expenditure')?.name ?? options[0]?.name ?? '';

  return (
    <ViewShell
      testId="models-view"
      className="kl-models"
      title={s.title}
      lead={s.intro}
      note={!dataset?.numericColumns.length && <Paragraph data-size="sm">{s.noData}</Paragraph>}
    >

      <div className="kl-model-toolbar" role="group" aria-label={s.edit}>
        {list.map((m, i) => (
          <Button
            key={m.id}
            data-size="sm"
            variant={m.id === current?.id ? 'primary' : 'secondary'}
            aria-pressed={m.id === current?.id}
            onClick={() => setSelected(m.id)}
            data-testid="model-tab"
          >
            ({i + 1}) {m.label}
          </Button>
        ))}
        <Button
          data-size="sm"
          variant="tertiary"
          onClick={() => {
            let id = '';
            updateSpec((d) => {
              id = addModel(d, fallbackDependent, s.model);
            });
            if (id) setSelected(id);
          }}
        >
          + {s.add}
        </Button>
      </div>

      <div className="kl-models-grid">
        {current ? (
          <div className="kl-builder-card">
            <ModelBuilder
              key={current.id}
              entry={current}
              options={options}
              labels={labels}
              years={dataset?.years ?? []}
            />
            <div className="kl-builder-actions">
              <Button
                data-size="sm"
                variant="secondary"
                onClick={() => {
                  let id: string | null = null;
                  updateSpec((d) => {
                    id = duplicateModel(d, current.id, s.copySuffix);
                  });
                  if (id) setSelected(id);
                }}
              >
                {s.duplicate}
              </Button>
              {(current.estimator ?? 'ols') === 'ols' && current.design !== 'within' && current.design !== 'random' && (
                <Button
                  data-size="sm"
                  variant="secondary"
                  data-testid="compare-estimators"
                  onClick={() => updateSpec((d) => addEstimatorComparison(d, current.id, s.compareNames))}
                >
                  {s.compare}
                </Button>
              )}
              <Button
                data-size="sm"
                variant="tertiary"
                data-color="danger"
                onClick={() => {
                  updateSpec((d) => removeModel(d, current.id));
                  setSelected(null);
                }}
              >
                {s.remove}
              </Button>
            </div>
          </div>
        ) : (
          <Paragraph>{s.noModels}</Paragraph>
        )}

        {columns.length > 0 && (
          <div className="kl-models-results">
            <Heading level={2} data-size="sm" className="kl-section-heading">
              {s.results}
            </Heading>
            <TableOptions />
            <ResultsTable
              columns={columns}
              labels={labels}
              thresholds={spec.models.stars}
              parens={spec.models.parens ?? 'se'}
              busy={busy}
              unitNotes={unitNotes}
            />
            <div className="kl-dropped-list">
              {columns
                .filter((c) => c.outcome)
                .map((c) => (
                  <DroppedUnits
                    key={c.key}
                    title={`(${c.number}) ${c.entry.label}${c.year !== null ? ` ${c.year}` : ''}`}
                    count={c.outcome ? droppedCount(c.outcome) : 0}
                    rows={(from, to) => (c.outcome ? droppedPage(c.outcome, from, to) : [])}
                    unitNames={unitNames}
                    labels={labels}
                  />
                ))}
            </div>
          </div>
        )}
      </div>
    </ViewShell>
  );
}
