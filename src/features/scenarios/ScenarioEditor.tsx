/**
 * Up to five named scenarios, each a key: the key in force, the proposed key, the method A key of a
 * model, a saved key, a published key (its weights copied, the source kept) or typed weights. Edits
 * go to the spec (`scenarios.list`); the worker's scenarios stage recomputes only itself.
 */
import { useState } from 'react';
import { Alert, Button, Field, Fieldset, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { BASIC, keyPresets, type KeyRecord } from '../../engine/costkey';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import { MAX_SCENARIOS, type Scenario, type ScenarioSource } from '../../spec/sections/scenarios';
import type { ScenarioResult } from '../../results/scenarios';
import { useCostKey } from '../costkey/liveKey';
import { scenarioStrings } from './strings';

/** Published keys whose every weight is given (the others wait for the user to fill them in). */
const PUBLISHED = keyPresets.filter((p) => Object.values(p.weights).every(Number.isFinite));

function sourceValue(src: ScenarioSource): string {
  switch (src.kind) {
    case 'model':
      return `model:${src.modelId}`;
    case 'preset':
      return `preset:${src.presetId}`;
    default:
      return src.kind;
  }
}

function WeightFields({ scenario, index }: { scenario: Scenario & { source: { kind: 'weights' } }; index: number }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const res = useCostKey();
  const update = useAnalysisStore((st) => st.updateSpec);
  const weights = scenario.source.weights;
  const criteria = [BASIC, ...(res?.base?.prep.criteria ?? []), ...Object.keys(weights)].filter((c, i, a) => a.indexOf(c) === i);
  const [text, setText] = useState<Record<string, string>>({});
  const sum = Object.values(weights).reduce((a, w) => a + w, 0);
  const commit = (c: string, raw: string) => {
    setText((t) => ({ ...t, [c]: raw }));
    const v = raw.trim() === '' ? 0 : Number(raw.replace(',', '.').replace(/\s/g, ''));
    if (!Number.isFinite(v)) return;
    update((d) => {
      const src = d.scenarios.list[index]?.source;
      if (src?.kind === 'weights') src.weights[c] = v;
    });
  };
  return (
    <Fieldset data-testid={`scenario-weights-${index}`}>
      <Fieldset.Legend>{s.weightsLegend(scenario.label)}</Fieldset.Legend>
      <div className="kl-scenario-weights">
        {criteria.map((c) => (
          <Textfield
            key={c}
            label={c === BASIC ? s.basic : (res?.labels[c] ?? c)}
            inputMode="decimal"
            data-size="sm"
            value={text[c] ?? formatNumber(weights[c] ?? 0, lang, 4)}
            onChange={(e) => commit(c, e.target.value)}
            onBlur={() =>
              setText((t) => {
                const { [c]: _drop, ...rest } = t;
                return rest;
              })
            }
            data-criterion={c}
          />
        ))}
      </div>
      <Paragraph data-size="sm" data-testid={`scenario-sum-${index}`}>
        {s.sum(formatNumber(sum, lang, 4))}
        {Math.abs(sum - 1) > 1e-9 ? ` – ${s.sumNot1}` : ''}
      </Paragraph>
    </Fieldset>
  );
}

export function ScenarioEditor({ results }: { results: ScenarioResult[] }) {
  const s = useStrings(scenarioStrings);
  const lang = useLanguage();
  const list = useAnalysisStore((st) => st.spec.scenarios.list);
  const models = useAnalysisStore((st) => st.spec.models.list);
  const presets = useAnalysisStore((st) => st.spec.costKey.presets);
  const keyModel = useAnalysisStore((st) => st.spec.costKey.modelId);
  const currentModel = useAnalysisStore((st) => st.spec.costKey.currentModelId);
  const update = useAnalysisStore((st) => st.updateSpec);
  const res = useCostKey();

  const proposedWeights = (): KeyRecord => ({ ...(res?.proposed ?? { [BASIC]: 1 }) });
  const toSource = (value: string): ScenarioSource => {
    if (value === 'current' || value === 'proposed') return { kind: value };
    if (value.startsWith('model:')) return { kind: 'model', modelId: value.slice(6) };
    if (value.startsWith('preset:')) return { kind: 'preset', presetId: value.slice(7) };
    if (value.startsWith('published:')) {
      const p = PUBLISHED.find((x) => x.id === value.slice(10));
      if (p) return { kind: 'weights', weights: { ...p.weights }, source: `${p.label.nb} – ${p.source}` };
    }
    return { kind: 'weights', weights: proposedWeights(), source: '' };
  };
  const add = () =>
    update((d) => {
      const l = d.scenarios.list;
      if (l.length >= MAX_SCENARIOS) return;
      const used = new Set(l.map((x) => sourceValue(x.source)));
      // The key's own model is the proposed key and today's key model moves nothing: offer the others.
      const others = models.filter((m) => m.id !== keyModel && m.id !== currentModel);
      const next = ['proposed', ...others.map((m) => `model:${m.id}`)].find((v) => !used.has(v)) ?? 'weights';
      const ids = new Set(l.map((x) => x.id));
      let k = l.length + 1;
      while (ids.has(`sc${k}`)) k++;
      const model = next.startsWith('model:') ? models.find((m) => `model:${m.id}` === next) : undefined;
      l.push({ id: `sc${k}`, label: model?.label ?? (next === 'proposed' ? s.proposed : s.defaultName(k)), source: toSource(next) });
    });

  return (
    <div className="kl-scenario-editor" data-testid="scenario-editor">
      {list.map((sc, i) => {
        const r = results.find((x) => x.id === sc.id);
        return (
          <div key={sc.id} className="kl-scenario-row" data-testid={`scenario-${i}`}>
            <div className="kl-scenario-fields">
              <Textfield
                label={s.nameOf(i + 1)}
                value={sc.label}
                data-testid={`scenario-name-${i}`}
                onChange={(e) => update((d) => void (d.scenarios.list[i].label = e.target.value))}
              />
              <Field>
                <Label htmlFor={`scenario-source-${sc.id}`}>{s.sourceOf(i + 1)}</Label>
                <Select
                  id={`scenario-source-${sc.id}`}
                  data-testid={`scenario-source-${i}`}
                  value={sourceValue(sc.source)}
                  onChange={(e) => update((d) => void (d.scenarios.list[i].source = toSource(e.target.value)))}
                >
                  <optgroup label={s.groupCurrent}>
                    <option value="current">{s.current}</option>
                    <option value="proposed">{s.proposed}</option>
                    <option value="weights">{s.weights}</option>
                  </optgroup>
                  {models.length > 0 && (
                    <optgroup label={s.groupModels}>
                      {models.map((m) => (
                        <option key={m.id} value={`model:${m.id}`}>
                          {m.label}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {presets.length > 0 && (
                    <optgroup label={s.groupSaved}>
                      {presets.map((p) => (
                        <option key={p.id} value={`preset:${p.id}`}>
                          {p.label}
                        </option>
                      ))}
                    </optgroup>
                  )}
                  {PUBLISHED.length > 0 && (
                    <optgroup label={s.groupPublished}>
                      {PUBLISHED.map((p) => (
                        <option key={p.id} value={`published:${p.id}`}>
                          {p.label[lang]}
                        </option>
                      ))}
                    </optgroup>
                  )}
                </Select>
              </Field>
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={s.removeLabel(sc.label)}
                data-testid={`scenario-remove-${i}`}
                onClick={() => update((d) => void d.scenarios.list.splice(i, 1))}
              >
                {s.remove}
              </Button>
            </div>
            {r && <Paragraph data-size="sm">{r.source[lang]}</Paragraph>}
            {sc.source.kind === 'weights' && <WeightFields scenario={sc as Scenario & { source: { kind: 'weights' } }} index={i} />}
            {r?.problems.map((p, j) => (
              <Alert key={j} data-color={p.severity === 'error' ? 'danger' : 'warning'} data-size="sm" data-testid={`scenario-problem-${i}`}>
                {lang === 'nb' ? p.message : p.messageEn}
              </Alert>
            ))}
          </div>
        );
      })}
      {list.length === 0 && <Paragraph data-testid="scenario-none">{s.none}</Paragraph>}
      <Button variant="secondary" onClick={add} disabled={list.length >= MAX_SCENARIOS} data-testid="scenario-add">
        {s.add}
      </Button>
      {list.length >= MAX_SCENARIOS && <Paragraph data-size="sm">{s.max(MAX_SCENARIOS)}</Paragraph>}
    </div>
  );
}
