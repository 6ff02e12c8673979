/**
 * Editor of the total key's sectors: name, index source (and the «before» source for the change),
 * national spending per inhabitant (a variable or typed kroner), the sector-weight mode with the
 * presets, and U. Every edit goes to the spec; the worker recomputes the total key.
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Field, Heading, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { presetSum, sectorWeightPresets, type SectorWeightPreset } from '../../engine/costkey';
import { formatNumber } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { useAnalysisStore } from '../../store';
import type { SectorSource, SectorSpending, TotalKeySector, TotalKeySpec } from '../../spec/sections/totalKey';
import type { AnalysisSpec } from '../../spec/schema';
import { VariableSelect } from '../variables/VariableSelect';
import { totalKeyStrings } from './strings';

type S = (typeof totalKeyStrings)['nb'];

/** Parses Norwegian or English number text («12 000,5», «12000.5»); null when empty or invalid. */
export function parseNumber(text: string): number | null {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace('−', '-').replace(',', '.');
  if (t === '') return null;
  const v = Number(t);
  return Number.isFinite(v) ? v : null;
}

/** A text field for a number that keeps what the user types (e.g. «0,») and commits parsed values. */
function NumberField(props: { label: string; value: number | null; onCommit(v: number | null): void; description?: string; testId?: string }) {
  const lang = useLanguage();
  const shown = (v: number | null) => (v === null ? '' : lang === 'nb' ? String(v).replace('.', ',') : String(v));
  const [text, setText] = useState(shown(props.value));
  // Follow outside changes (a preset, a normalisation) but not the user's own half-typed text.
  useEffect(() => {
    setText((t) => (parseNumber(t) === props.value ? t : shown(props.value)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.value]);
  return (
    <Textfield
      label={props.label}
      data-size="sm"
      description={props.description}
      inputMode="decimal"
      value={text}
      data-testid={props.testId}
      onChange={(e) => {
        setText(e.target.value);
        const v = parseNumber(e.target.value);
        if (v !== null || e.target.value.trim() === '') props.onCommit(v);
      }}
    />
  );
}

function encodeSource(src: SectorSource | null): string {
  if (!src) return '';
  if (src.kind === 'preset') return `preset:${src.presetId}`;
  if (src.kind === 'model') return `model:${src.modelId}`;
  return src.kind;
}

function decodeSource(value: string, prev: SectorSource | null): SectorSource | null {
  if (value === '') return null;
  if (value.startsWith('preset:')) return { kind: 'preset', presetId: value.slice(7) };
  if (value.startsWith('model:')) return { kind: 'model', modelId: value.slice(6) };
  if (value === 'index') return { kind: 'index', variable: prev?.kind === 'index' ? prev.variable : '', rescale: prev?.kind === 'index' ? prev.rescale : false };
  return { kind: value as 'proposed' | 'current' | 'flat' };
}

function SourceOptions({ spec, s }: { spec: AnalysisSpec; s: S }) {
  return (
    <>
      <optgroup label={s.groupKeys}>
        <option value="proposed">{s.sourceOptions.proposed}</option>
        <option value="current">{s.sourceOptions.current}</option>
        <option value="index">{s.sourceOptions.index}</option>
        <option value="flat">{s.sourceOptions.flat}</option>
      </optgroup>
      {spec.costKey.presets.length > 0 && (
        <optgroup label={s.groupPresets}>
          {spec.costKey.presets.map((p) => (
            <option key={p.id} value={`preset:${p.id}`}>
              {s.presetOption(p.label)}
            </option>
          ))}
        </optgroup>
      )}
      {spec.models.list.length > 0 && (
        <optgroup label={s.groupModels}>
          {spec.models.list.map((m) => (
            <option key={m.id} value={`model:${m.id}`}>
              {s.modelOption(m.label)}
            </option>
          ))}
        </optgroup>
      )}
    </>
  );
}

function uniqueId(base: string, taken: Set<string>): string {
  const slug = base
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_|_$/g, '') || 'sektor';
  let id = slug;
  for (let k = 2; taken.has(id); k++) id = `${slug}_${k}`;
  return id;
}

function SectorCard({ sector, pos, manual }: { sector: TotalKeySector; pos: number; manual: boolean }) {
  const s = useStrings(totalKeyStrings);
  const spec = useAnalysisStore((st) => st.spec);
  const update = useAnalysisStore((st) => st.updateSpec);
  const variables = useAnalysisStore((st) => st.results?.dataset?.numericColumns) ?? [];
  const edit = (f: (d: TotalKeySector) => void) =>
    update((d) => {
      const x = d.totalKey.sectors.find((y) => y.id === sector.id);
      if (x) f(x);
    });
  const id = `tk-${sector.id}`;
  const src = sector.source;
  const sp = sector.spending;
  return (
    <Card data-color="neutral" className="kl-tk-sector" data-testid={`tk-sector-${sector.id}`} data-sector={sector.id}>
      <div className="kl-tk-sector-head">
        <Heading level={3} data-size="2xs">
          {sector.label || s.sectorN(pos + 1)}
        </Heading>
        <Button
          variant="tertiary"
          data-color="danger"
          data-size="sm"
          aria-label={s.removeNamed(sector.label || s.sectorN(pos + 1))}
          onClick={() => update((d) => void (d.totalKey.sectors = d.totalKey.sectors.filter((y) => y.id !== sector.id)))}
        >
          {s.remove}
        </Button>
      </div>
      <Textfield label={s.label} data-size="sm" value={sector.label} data-testid={`tk-label-${sector.id}`} onChange={(e) => edit((x) => void (x.label = e.target.value))} />
      <Field data-size="sm">
        <Label htmlFor={`${id}-src`}>{s.source}</Label>
        <Select
          id={`${id}-src`}
          value={encodeSource(src)}
          data-testid={`tk-source-${sector.id}`}
          onChange={(e) => edit((x) => void (x.source = decodeSource(e.target.value, x.source) ?? { kind: 'flat' }))}
        >
          <SourceOptions spec={spec} s={s} />
        </Select>
      </Field>
      {src.kind === 'index' && (
        <>
          <VariableSelect
            label={s.indexVariable}
            none={s.chooseVariable}
            value={src.variable}
            options={variables}
            onChange={(v) => edit((x) => void (x.source.kind === 'index' && (x.source.variable = v)))}
          />
          <Checkbox label={s.rescale} checked={src.rescale} onChange={(e) => edit((x) => void (x.source.kind === 'index' && (x.source.rescale = e.target.checked)))} />
        </>
      )}
      <Field data-size="sm">
        <Label htmlFor={`${id}-cmp`}>{s.compareWith}</Label>
        <Select
          id={`${id}-cmp`}
          value={encodeSource(sector.compareWith)}
          data-testid={`tk-compare-${sector.id}`}
          onChange={(e) => edit((x) => void (x.compareWith = decodeSource(e.target.value, x.compareWith)))}
        >
          <option value="">{s.unchanged}</option>
          <SourceOptions spec={spec} s={s} />
        </Select>
      </Field>
      {sector.compareWith?.kind === 'index' && (
        <VariableSelect
          label={`${s.indexVariable} (${s.before})`}
          none={s.chooseVariable}
          value={sector.compareWith.variable}
          options={variables}
          onChange={(v) => edit((x) => void (x.compareWith?.kind === 'index' && (x.compareWith.variable = v)))}
        />
      )}
      <Field data-size="sm">
        <Label htmlFor={`${id}-spk`}>{s.spendingKind}</Label>
        <Select
          id={`${id}-spk`}
          value={sp.kind}
          data-testid={`tk-spending-kind-${sector.id}`}
          onChange={(e) =>
            edit((x) => {
              const k = e.target.value as SectorSpending['kind'];
              x.spending = k === 'variable' ? { kind: 'variable', variable: '', unitNok: null } : k === 'typed' ? { kind: 'typed', perCapita: 0 } : { kind: 'none' };
            })
          }
        >
          {(['variable', 'typed', 'none'] as const).map((k) => (
            <option key={k} value={k}>
              {s.spendingOptions[k]}
            </option>
          ))}
        </Select>
      </Field>
      {sp.kind === 'variable' && (
        <VariableSelect
          label={s.spendingVariable}
          none={s.chooseVariable}
          value={sp.variable}
          options={variables}
          testId={`tk-spending-var-${sector.id}`}
          onChange={(v) => edit((x) => void (x.spending.kind === 'variable' && (x.spending.variable = v)))}
        />
      )}
      {sp.kind === 'typed' && (
        <NumberField
          label={s.spendingTyped}
          value={sp.perCapita}
          testId={`tk-spending-kr-${sector.id}`}
          onCommit={(v) => edit((x) => void (x.spending.kind === 'typed' && (x.spending.perCapita = v ?? 0)))}
        />
      )}
      {manual && <NumberField label={s.manualWeight} value={sector.weight} testId={`tk-weight-${sector.id}`} onCommit={(v) => edit((x) => void (x.weight = v))} />}
    </Card>
  );
}

/** Puts a preset's sector weights on the sectors (matched by id or label), adding the missing ones. */
export function applyWeightPreset(t: TotalKeySpec, p: SectorWeightPreset, lang: 'nb' | 'en'): void {
  t.weightMode = 'manual';
  t.weightsSource = p.source;
  const norm = (x: string) => x.toLowerCase().replace(/[^a-zæøå]/g, '');
  for (const ps of p.sectors) {
    const hit = t.sectors.find((x) => x.id === ps.id || norm(x.label) === norm(ps.label.nb) || norm(x.label) === norm(ps.label.en));
    if (hit) hit.weight = ps.weight;
    else
      t.sectors.push({
        id: uniqueId(ps.id, new Set(t.sectors.map((x) => x.id))),
        label: ps.label[lang],
        source: { kind: 'flat' },
        compareWith: null,
        spending: { kind: 'none' },
        weight: ps.weight,
      });
  }
}

export function SectorEditor() {
  const s = useStrings(totalKeyStrings);
  const lang = useLanguage();
  const total = useAnalysisStore((st) => st.spec.totalKey);
  const update = useAnalysisStore((st) => st.updateSpec);
  const manual = total.weightMode === 'manual';
  const typedSum = total.sectors.reduce((a, x) => a + (x.weight ?? NaN), 0);
  return (
    <section aria-labelledby="tk-sectors" className="kl-tk-section">
      <Heading level={2} data-size="sm" id="tk-sectors">
        {s.sectors}
      </Heading>
      <Paragraph data-size="sm">{s.sectorsIntro}</Paragraph>
      <div className="kl-tk-sector-grid">
        {total.sectors.map((x, i) => (
          <SectorCard key={x.id} sector={x} pos={i} manual={manual} />
        ))}
      </div>
      <Button
        variant="secondary"
        data-size="sm"
        data-testid="tk-add"
        onClick={() =>
          update((d) => {
            const t = d.totalKey;
            const id = uniqueId(s.newSector, new Set(t.sectors.map((x) => x.id)));
            t.sectors.push({ id, label: `${s.newSector} ${t.sectors.length + 1}`, source: { kind: 'flat' }, compareWith: null, spending: { kind: 'none' }, weight: null });
          })
        }
      >
        {s.add}
      </Button>

      <div className="kl-tk-weights-options">
        <fieldset className="kl-tk-fieldset">
          <legend>{s.weightMode}</legend>
          {(['spending', 'manual'] as const).map((m) => (
            <Radio
              key={m}
              name="tk-weight-mode"
              value={m}
              label={s.weightModes[m]}
              checked={total.weightMode === m}
              data-testid={`tk-mode-${m}`}
              onChange={() => update((d) => void (d.totalKey.weightMode = m))}
            />
          ))}
        </fieldset>
        <NumberField
          label={s.perCapita}
          description={s.perCapitaHelp}
          value={total.perCapita}
          testId="tk-per-capita"
          onCommit={(v) => update((d) => void (d.totalKey.perCapita = v !== null && v > 0 ? v : null))}
        />
      </div>
      {manual && (
        <Paragraph data-size="sm" data-testid="tk-typed-sum">
          {s.sum}: {formatNumber(typedSum, lang, 3)}
          {total.weightsSource ? ` · ${s.weightsSource}: ${total.weightsSource}` : ''}{' '}
          {Number.isFinite(typedSum) && Math.abs(typedSum - 1) > 1e-6 && typedSum > 0 && (
            <Button
              variant="tertiary"
              data-size="sm"
              onClick={() =>
                update((d) => {
                  for (const x of d.totalKey.sectors) if (x.weight !== null) x.weight = x.weight / typedSum;
                })
              }
            >
              {s.normalise}
            </Button>
          )}
        </Paragraph>
      )}
      <Heading level={3} data-size="2xs" className="kl-tk-subheading">
        {s.presetHeading}
      </Heading>
      {sectorWeightPresets.map((p) => (
        <Alert key={p.id} data-color="info" data-size="sm" className="kl-tk-preset">
          <Paragraph data-size="sm">
            <strong>{p.label[lang]}</strong>: {p.sectors.map((x) => `${x.label[lang]} ${formatNumber(x.weight, lang, 3)}`).join(' · ')} ({s.sum.toLowerCase()} {formatNumber(presetSum(p), lang, 3)})
          </Paragraph>
          <Paragraph data-size="sm">
            {p.note[lang]} {s.weightsSource}: {p.source}.
          </Paragraph>
          <Button variant="secondary" data-size="sm" data-testid={`tk-preset-${p.id}`} onClick={() => update((d) => applyWeightPreset(d.totalKey, p, lang))}>
            {s.applyPreset(p.label[lang])}
          </Button>
        </Alert>
      ))}
    </section>
  );
}
