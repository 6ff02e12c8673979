/** Cost-key view: method and options, the weights table with checks and warnings, presets. */
import { Alert, Button, Checkbox, Field, Heading, Label, Paragraph, Radio, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { BASIC, keyPresets, normaliseRounding, PUBLISHED_ROUNDING, type KeyRecord } from '../../engine/costkey';
import { formatNumber, formatPValue, formatSignificant } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import type { CostKeySpec } from '../../spec/sections/costkey';
import { applyKey, useCostKey, useProposedKey } from './liveKey';
import { costKeyStrings } from './strings';
import { KeyChecks, WeightEditor } from './WeightEditor';
import { FlaggedCriteria, useFlagText } from './FlaggedCriteria';
import { VariableSelect } from '../variables/VariableSelect';
import { UncertaintyPanel } from './UncertaintyPanel';
import { ModelSelect } from '../kit/ModelSelect';
import { problemMessage } from '../useVariableLabels';
import { ExportButtons } from '../ExportButtons';
import { weightsReportTable } from './weightsReport';
import { ViewShell } from '../kit/ViewShell';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';

const METHODS: CostKeySpec['method'][] = ['coefficient', 'explained-variance', 'sub-function', 'manual'];
const NO_VARIABLES: { name: string; label: string }[] = [];

function MethodOptions() {
  const s = useStrings(costKeyStrings);
  const spec = useAnalysisStore((st) => st.spec);
  const update = useAnalysisStore((st) => st.updateSpec);
  const ck = spec.costKey;
  const res = useCostKey();
  // Method C's total spending is a variable of the data: offer the dataset's numeric columns.
  const variables = useAnalysisStore((st) => st.results?.dataset?.numericColumns) ?? NO_VARIABLES;
  return (
    <section aria-labelledby="ck-options">
      <Heading level={2} data-size="sm" id="ck-options">
        {s.method}
      </Heading>
      <fieldset>
        <legend>{s.method}</legend>
        {METHODS.map((m) => (
          <Radio
            key={m}
            name="ck-method"
            label={s.methods[m]}
            value={m}
            checked={ck.method === m}
            onChange={() => update((d) => void (d.costKey.method = m))}
          />
        ))}
      </fieldset>
      <ModelSelect
        id="ck-model"
        label={s.model}
        value={ck.modelId}
        empty={s.noModel}
        testId="costkey-model"
        onChange={(id) => update((d) => void (d.costKey.modelId = id))}
      />
      <Textfield
        label={s.year}
        description={s.lastYear}
        type="number"
        value={ck.year ?? ''}
        onChange={(e) => {
          const v = e.target.value === '' ? null : Math.round(Number(e.target.value));
          update((d) => void (d.costKey.year = v !== null && Number.isFinite(v) ? v : null));
        }}
      />
      {ck.method === 'coefficient' && (
        <fieldset>
          <legend>{s.remainder}</legend>
          <Radio name="ck-rem" label={s.remainderPopulation} checked={ck.remainder === 'population'} onChange={() => update((d) => void (d.costKey.remainder = 'population'))} />
          <Radio name="ck-rem" label={s.remainderRescale} checked={ck.remainder === 'rescale'} onChange={() => update((d) => void (d.costKey.remainder = 'rescale'))} />
        </fieldset>
      )}
      {ck.method === 'coefficient' && res?.computed?.yearEffect && (
        // Only a model with year effects has a choice: which year's effect ŷ (and so the basic share) holds.
        <fieldset data-testid="costkey-year-effect">
          <legend>{s.yearEffect}</legend>
          <Radio
            name="ck-ye"
            label={s.yearEffectKey(String(res.year ?? '–'))}
            checked={ck.yearEffect === 'key-year'}
            onChange={() => update((d) => void (d.costKey.yearEffect = 'key-year'))}
          />
          <Radio
            name="ck-ye"
            label={s.yearEffectBase(String(res.computed.yearEffect.baseYear))}
            checked={ck.yearEffect === 'base-year'}
            onChange={() => update((d) => void (d.costKey.yearEffect = 'base-year'))}
          />
        </fieldset>
      )}
      {ck.method === 'explained-variance' && (
        <>
          <Field>
            <Label htmlFor="ck-imp">{s.importance}</Label>
            <Select id="ck-imp" value={ck.importance} onChange={(e) => update((d) => void (d.costKey.importance = e.target.value as CostKeySpec['importance']))}>
              {(['lmg', 'bivariate', 'last-in'] as const).map((m) => (
                <option key={m} value={m}>
                  {s.importanceOptions[m]}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox label={s.adjusted} checked={ck.useAdjusted} onChange={(e) => update((d) => void (d.costKey.useAdjusted = e.target.checked))} />
          <Field>
            <Label htmlFor="ck-target">{s.target}</Label>
            <Select id="ck-target" value={ck.target ?? ''} onChange={(e) => update((d) => void (d.costKey.target = e.target.value || null))}>
              <option value="">{s.basicCriterion}</option>
              {(res?.criteria ?? []).map((c) => (
                <option key={c} value={c}>
                  {res?.labels[c] ?? c}
                </option>
              ))}
            </Select>
          </Field>
          <Checkbox label={s.rounding} checked={ck.rounding === 0.05} onChange={(e) => update((d) => void (d.costKey.rounding = e.target.checked ? 0.05 : null))} />
        </>
      )}
      {ck.method === 'sub-function' && (
        <>
          <ModelSelect
            id="ck-sub-model"
            label={s.subModel}
            value={ck.subFunction.modelId}
            empty={s.noModel}
            onChange={(id) => update((d) => void (d.costKey.subFunction.modelId = id))}
          />
          <VariableSelect
            label={s.subTotal}
            none={s.chooseVariable}
            value={ck.subFunction.totalVariable ?? ''}
            options={variables}
            testId="costkey-sub-total"
            onChange={(v) => update((d) => void (d.costKey.subFunction.totalVariable = v || null))}
          />
        </>
      )}
    </section>
  );
}

function WeightsTable() {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const res = useCostKey();
  const proposed = useProposedKey();
  const update = useAnalysisStore((st) => st.updateSpec);
  const dropped = useAnalysisStore((st) => st.spec.costKey.dropped);
  const flagText = useFlagText();
  if (!res) return null;
  const byName = new Map((res.computed?.criteria ?? []).map((c) => [c.name, c]));
  const flagged = new Map(res.flags.map((f) => [f.criterion, f]));
  // Negative and insignificant criteria are listed with their choices (FlaggedCriteria), not twice.
  const otherWarnings = (res.computed?.warnings ?? []).filter((w) => w.code !== 'negative-weight' && w.code !== 'insignificant-criterion');
  // Today's key (a preset) may weight criteria the model does not have: they get rows too, so the
  // columns add up to what the sum row says.
  const extra = [...Object.keys(res.current ?? {}), ...Object.keys(proposed ?? {})].filter((c) => c !== BASIC && !res.criteria.includes(c));
  const rows = [BASIC, ...res.criteria, ...new Set(extra)];
  const fmtW = (x: number | undefined) => formatNumber(x, lang, 4);
  const sum = (k: KeyRecord | null) => (k ? Object.values(k).reduce((a, b) => a + b, 0) : NaN);
  const ye = res.computed?.yearEffect ?? null;
  return (
    <section aria-labelledby="ck-weights">
      <Heading level={2} data-size="sm" id="ck-weights">
        {s.weightsTable}
      </Heading>
      <Paragraph data-size="sm">
        {s.source}: {res.modelLabel ? s.sourceModel(res.modelLabel, String(res.year ?? '–')) : s.methods[res.method]}
        {res.computed?.yhatNational !== undefined && ` · ${s.yhat}: ${formatSignificant(res.computed.yhatNational, lang, 5)}`}
        {ye && (
          <span data-testid="costkey-yhat-year">
            {' · '}
            {s.yearEffectUsed(String(ye.year), ye.at === 'base-year' ? s.baseYearWord : ye.outside ? s.modelLastYearWord : s.keyYearWord, formatSignificant(ye.value, lang, 5))}
          </span>
        )}
        {Number.isFinite(res.yObsNational) && ` · ${s.yObs}: ${formatSignificant(res.yObsNational, lang, 5)}`}
      </Paragraph>
      <Table data-testid="costkey-weights-table">
        {/* The heading above names the table on screen; the caption names it for screen readers. */}
        <caption className="kl-visually-hidden">{s.weightsTable}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{s.criterion}</Table.HeaderCell>
            <Table.HeaderCell>{s.national}</Table.HeaderCell>
            <Table.HeaderCell>{s.coefficient}</Table.HeaderCell>
            <Table.HeaderCell>{s.p}</Table.HeaderCell>
            <Table.HeaderCell>{s.computed}</Table.HeaderCell>
            <Table.HeaderCell>{s.current}</Table.HeaderCell>
            <Table.HeaderCell>{s.proposed}</Table.HeaderCell>
            <Table.HeaderCell>{s.drop}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {rows.map((c) => {
            const cw = byName.get(c);
            const flag = flagged.get(c);
            const computed = c === BASIC ? res.computed?.basic : cw?.weight;
            return (
              <Table.Row key={c} data-criterion={c} data-warning={flag ? 'true' : 'false'}>
                <Table.Cell>
                  {c === BASIC ? s.basicCriterion : (res.labels[c] ?? c)}
                  {flag && (
                    <span className="kl-flag-mark">
                      {' '}
                      ⚠ {flagText(flag)} ({s.choiceShort[flag.choice]})
                    </span>
                  )}
                </Table.Cell>
                <Table.Cell>{c === BASIC ? '' : formatSignificant(res.national[c], lang, 5)}</Table.Cell>
                <Table.Cell>{cw?.coefficient !== undefined ? formatSignificant(cw.coefficient, lang, 5) : ''}</Table.Cell>
                <Table.Cell>{cw?.p !== undefined ? formatPValue(cw.p, lang) : ''}</Table.Cell>
                <Table.Cell>{fmtW(computed)}</Table.Cell>
                <Table.Cell>{res.current ? fmtW(res.current[c] ?? 0) : '–'}</Table.Cell>
                <Table.Cell>{fmtW(proposed?.[c])}</Table.Cell>
                <Table.Cell>
                  {c !== BASIC && (
                    <Checkbox
                      aria-label={s.dropFor(res.labels[c] ?? c)}
                      checked={dropped.includes(c)}
                      onChange={(e) =>
                        update((d) => {
                          const set = new Set(d.costKey.dropped);
                          if (e.target.checked) set.add(c);
                          else set.delete(c);
                          d.costKey.dropped = [...set];
                        })
                      }
                    />
                  )}
                </Table.Cell>
              </Table.Row>
            );
          })}
          <Table.Row>
            <Table.HeaderCell>{s.sum}</Table.HeaderCell>
            <Table.Cell />
            <Table.Cell />
            <Table.Cell />
            <Table.Cell>{fmtW(res.computed?.sum)}</Table.Cell>
            <Table.Cell>{fmtW(sum(res.current))}</Table.Cell>
            <Table.Cell>{fmtW(sum(proposed))}</Table.Cell>
            <Table.Cell />
          </Table.Row>
        </Table.Body>
      </Table>
      <FlaggedCriteria idPrefix="ck" level={3} />
      <ExportButtons
        fileBase={s.weightsTable}
        testId="costkey-weights-export"
        tables={(l) => [
          weightsReportTable(
            rows.map((c) => {
              const cw = byName.get(c);
              return {
                criterion: c,
                label: res.labels[c] ?? c,
                national: c === BASIC ? undefined : res.national[c],
                coefficient: cw?.coefficient,
                p: cw?.p,
                computed: c === BASIC ? res.computed?.basic : cw?.weight,
                current: res.current ? (res.current[c] ?? 0) : undefined,
                proposed: proposed?.[c],
              };
            }),
            l,
            `${costKeyStrings[l].source}: ${res.modelLabel ? costKeyStrings[l].sourceModel(res.modelLabel, String(res.year ?? '–')) : costKeyStrings[l].methods[res.method]}`,
          ),
        ]}
      />
      {otherWarnings.length > 0 && (
        <Alert data-color="warning" data-testid="costkey-warnings">
          <Heading level={3} data-size="2xs">
            {s.warnings}
          </Heading>
          <ul>
            {otherWarnings.map((w, i) => (
              <li key={i}>{problemMessage(w, lang, new Map(Object.entries(res.labels)))}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  );
}

/** The same weights with one criterion renamed, in the same order (the editor's rows keep their place). */
function renameKey(weights: KeyRecord, from: string, to: string): KeyRecord {
  return Object.fromEntries(Object.entries(weights).map(([k, v]) => [k === from ? to : k, v]));
}

function Presets() {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const spec = useAnalysisStore((st) => st.spec);
  const update = useAnalysisStore((st) => st.updateSpec);
  const proposed = useProposedKey();
  const res = useCostKey();
  const have = new Set(spec.costKey.presets.map((p) => p.id));
  const numeric = useAnalysisStore((st) => st.results?.dataset?.numericColumns);
  const variables = (numeric ?? []).map((c) => ({ name: c.name, label: c.label || c.name }));
  const known = new Set(variables.map((o) => o.name));
  return (
    <section aria-labelledby="ck-presets">
      <Heading level={2} data-size="sm" id="ck-presets">
        {s.presets}
      </Heading>
      <Paragraph data-size="sm">{s.presetNote}</Paragraph>
      <ul className="kl-preset-catalogue">
        {keyPresets
          .filter((p) => !have.has(p.id))
          .map((p) => (
            <li key={p.id} data-preset={p.id}>
              <strong>{p.label[lang]}</strong> <span className="kl-preset-source">({s.source}: {p.source})</span>{' '}
              <span className="kl-preset-checked" data-testid={`preset-checked-${p.id}`}>
                {s.checked}: {p.checked[lang]}
              </span>{' '}
              <Button
                variant="tertiary"
                data-size="sm"
                aria-label={s.addPresetNamed(p.label[lang])}
                onClick={() =>
                  update((d) => {
                    const weights: KeyRecord = {};
                    for (const [k, v] of Object.entries(p.weights)) weights[k] = Number.isFinite(v) ? v : 0;
                    d.costKey.presets.push({ id: p.id, label: p.label.nb, source: p.source, weights });
                  })
                }
              >
                {s.addPreset}
              </Button>
            </li>
          ))}
      </ul>
      {spec.costKey.presets.map((p, pi) => {
        const sum = Object.values(p.weights).reduce((a, b) => a + b, 0);
        const exact = Math.abs(sum - 1) < 1e-6;
        // Published weights are rounded to four decimals: a sum off by rounding only is accepted and
        // the key is divided by it when used.
        const ok = Math.abs(sum - 1) <= PUBLISHED_ROUNDING;
        const catalogue = keyPresets.find((c) => c.id === p.id);
        // The published name of a criterion, by position (a re-mapped criterion keeps its place).
        const publishedName = (i: number) => {
          const original = catalogue ? Object.keys(catalogue.weights)[i] : undefined;
          return original ? catalogue!.criteria[original]?.[lang] : undefined;
        };
        return (
          <fieldset key={p.id} className="kl-preset" data-testid={`preset-${p.id}`}>
            <legend>
              {p.label} – {s.source}: {p.source || '–'}
            </legend>
            {catalogue && (
              <Paragraph data-size="sm" className="kl-preset-checked">
                {s.checked}: {catalogue.checked[lang]}
              </Paragraph>
            )}
            {Object.entries(p.weights).map(([k, v], i) => (
              <div key={k} className="kl-preset-row" data-criterion={k} data-missing={k !== BASIC && !known.has(k) ? 'true' : undefined}>
                {k === BASIC ? (
                  <Paragraph data-size="sm">{s.basicCriterion}</Paragraph>
                ) : (
                  <VariableSelect
                    label={s.presetVariable(publishedName(i) ?? k)}
                    value={known.has(k) ? k : ''}
                    none={s.notInData}
                    options={variables.filter((o) => o.name === k || !(o.name in p.weights))}
                    onChange={(name) => name && update((d) => void (d.costKey.presets[pi].weights = renameKey(d.costKey.presets[pi].weights, k, name)))}
                  />
                )}
                <Textfield
                  label={k === BASIC ? s.basicCriterion : s.presetWeight(publishedName(i) ?? k)}
                  data-size="sm"
                  type="number"
                  step={0.001}
                  value={v}
                  onChange={(e) => update((d) => void (d.costKey.presets[pi].weights[k] = Number(e.target.value) || 0))}
                />
              </div>
            ))}
            <Paragraph data-size="sm" data-testid={`preset-${p.id}-sum`}>
              {s.sum}: {formatNumber(sum, lang, 4)} {ok ? (exact ? '' : `– ${s.sumRounding}`) : `– ${s.sumBad}`}
            </Paragraph>
            <Button data-size="sm" variant="secondary" disabled={!ok} onClick={() => applyKey(normaliseRounding(p.weights).key)}>
              {s.usePreset}
            </Button>{' '}
            <Button data-size="sm" variant="secondary" disabled={!ok} onClick={() => update((d) => void (d.costKey.current = { ...p }))}>
              {s.useAsCurrent}
            </Button>
          </fieldset>
        );
      })}
      {proposed && res?.outcome && (
        <Button
          data-size="sm"
          variant="secondary"
          onClick={() => update((d) => void (d.costKey.current = { id: 'saved-current', label: s.current, source: res.modelLabel ?? 'manual', weights: { ...proposed } }))}
        >
          {s.saveCurrent}
        </Button>
      )}
    </section>
  );
}

/**
 * Today's key: the published key of the sector by default; a saved key, or a key computed from a
 * model, is an explicit choice and is named as such wherever today's key is used.
 */
function CurrentKeyChooser() {
  const s = useStrings(costKeyStrings);
  const lang = useLanguage();
  const ck = useAnalysisStore((st) => st.spec.costKey);
  const models = useAnalysisStore((st) => st.spec.models.list);
  const update = useAnalysisStore((st) => st.updateSpec);
  const res = useCostKey();
  const value = ck.current ? `saved:${ck.current.id}` : ck.currentModelId ? `model:${ck.currentModelId}` : 'published';
  const saved = [...ck.presets, ...(ck.current && !ck.presets.some((p) => p.id === ck.current!.id) ? [ck.current] : [])];
  const choose = (v: string) =>
    update((d) => {
      if (v === 'published') {
        d.costKey.current = null;
        d.costKey.currentModelId = null;
      } else if (v.startsWith('saved:')) {
        const p = saved.find((x) => x.id === v.slice(6));
        if (p) d.costKey.current = { ...p, weights: { ...p.weights } };
        d.costKey.currentModelId = null;
      } else if (v.startsWith('model:')) {
        d.costKey.current = null;
        d.costKey.currentModelId = v.slice(6);
      }
    });
  return (
    <div className="kl-current-key" data-testid="current-key" data-kind={res?.currentKind}>
      <Field>
        <Label htmlFor="ck-current">{s.currentKey}</Label>
        <Select id="ck-current" value={value} onChange={(e) => choose(e.target.value)} data-testid="current-key-select">
          <option value="published">{s.currentPublished}</option>
          {saved.map((p) => (
            <option key={p.id} value={`saved:${p.id}`}>
              {s.currentSaved(p.label)}
            </option>
          ))}
          {models.map((m) => (
            <option key={m.id} value={`model:${m.id}`}>
              {s.currentModel(m.label)}
            </option>
          ))}
        </Select>
      </Field>
      {res && (
        <Paragraph data-size="sm" data-testid="current-key-text">
          {s.currentIs(res.currentText[lang])}
        </Paragraph>
      )}
    </div>
  );
}

export function CostKeyView() {
  const s = useStrings(costKeyStrings);
  const res = useCostKey();
  const keyProblems = useMemo(() => (res?.problems ?? []).filter((p) => p.severity !== 'info'), [res]);
  return (
    <ViewShell testId="costkey-view" className="kl-costkey" title={s.title} lead={s.intro}>
      <MethodOptions />
      <CurrentKeyChooser />
      {/* The key's own findings (units left out and why, criteria that cannot be used): not in the
          shell's box, which holds the dataset's and the spec's. */}
      <GroupedProblemList problems={keyProblems} heading={s.keyProblems} testId="costkey-problems" />
      {res?.outcome ? (
        <>
          <WeightsTable />
          {res.edited && <Paragraph data-size="sm">{s.edited}</Paragraph>}
          <WeightEditor idPrefix="ck" />
          <section aria-label={s.checks}>
            <Heading level={2} data-size="sm">
              {s.checks}
            </Heading>
            <KeyChecks />
          </section>
          <UncertaintyPanel />
        </>
      ) : (
        <Paragraph data-testid="costkey-empty">{s.noResults}</Paragraph>
      )}
      <Presets />
    </ViewShell>
  );
}
