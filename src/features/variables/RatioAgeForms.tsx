/** Ratios (per inhabitant, per target group, coverage, unit cost) and age groups from single ages. */
import { Button, Checkbox, Field, Label, Paragraph, Select, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import type { RatioDef } from '../../spec/sections/variables';
import { uniqueId } from './specOps';
import { variableStrings } from './strings';
import type { VariableData } from './useVariableData';
import { VariableSelect } from './VariableSelect';

const KINDS = ['per-capita', 'per-target-group', 'coverage', 'unit-cost', 'other'] as const;

export function RatioForm({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const [numerator, setNumerator] = useState('');
  const [denominator, setDenominator] = useState('');
  const [kind, setKind] = useState<RatioDef['kind']>('per-capita');
  const [scale, setScale] = useState('1');
  const [label, setLabel] = useState('');
  const add = () => {
    const base = label.trim() || `${numerator}_per_${denominator || 'innb'}`;
    const def: RatioDef = {
      id: uniqueId(base, data.taken),
      label: label.trim() || `${data.labels.get(numerator) ?? numerator} / ${denominator ? (data.labels.get(denominator) ?? denominator) : s.populationDefault}`,
      numerator,
      denominator: denominator || null,
      scale: Number(scale.replace(',', '.')) || 1,
      kind,
    };
    if (updateSpec((d) => void d.variables.ratios.push(def))) setLabel('');
  };
  return (
    <section className="kl-vb-section" aria-labelledby="vb-ratio" data-testid="ratio-form">
      <h2 id="vb-ratio" className="kl-vb-h2">
        {s.ratios}
      </h2>
      <Paragraph data-size="sm">{s.ratiosHelp}</Paragraph>
      <div className="kl-vb-row">
        <VariableSelect label={s.numerator} value={numerator} onChange={setNumerator} options={data.options} none={s.choose} />
        <VariableSelect label={s.denominator} value={denominator} onChange={setDenominator} options={data.options} none={s.populationDefault} />
        <Field data-size="sm">
          <Label>{s.kind}</Label>
          <Select value={kind} onChange={(e) => setKind(e.target.value as RatioDef['kind'])}>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {s.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Textfield data-size="sm" label={s.scale} value={scale} inputMode="decimal" onChange={(e) => setScale(e.target.value)} />
        <Textfield data-size="sm" label={s.label} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button data-size="sm" onClick={add} disabled={!numerator}>
          {s.add}
        </Button>
      </div>
    </section>
  );
}

const AGE_PRESETS: [number, number | null][] = [
  [0, 22],
  [16, 66],
  [67, 79],
  [80, null],
];

export function AgeGroupForm({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const [from, setFrom] = useState('0');
  const [to, setTo] = useState('22');
  const [share, setShare] = useState(true);
  const add = (a: number, b: number | null) => {
    const span = b === null ? `${a}+` : `${a}–${b}`;
    const id = uniqueId(`${share ? 'andel' : 'innb'}_${a}_${b ?? 'pluss'}`, data.taken);
    const label = share ? `Andel innbyggere ${span} år` : `Innbyggere ${span} år`;
    updateSpec((d) => void d.variables.ageGroups.push({ id, label, from: a, to: b, share, filter: {} }));
  };
  const fromN = Number(from);
  const toN = to.trim() === '' ? null : Number(to);
  const valid = Number.isInteger(fromN) && fromN >= 0 && (toN === null || (Number.isInteger(toN) && toN >= fromN));
  return (
    <section className="kl-vb-section" aria-labelledby="vb-age" data-testid="age-form">
      <h2 id="vb-age" className="kl-vb-h2">
        {s.ageGroups}
      </h2>
      <Paragraph data-size="sm">{s.ageGroupsHelp}</Paragraph>
      <div className="kl-vb-row">
        <Checkbox data-size="sm" label={s.share} checked={share} onChange={(e) => setShare(e.target.checked)} />
      </div>
      <div className="kl-vb-row" role="group" aria-label={s.agePresets}>
        {AGE_PRESETS.map(([a, b]) => (
          <Button key={`${a}-${b}`} variant="secondary" data-size="sm" onClick={() => add(a, b)}>
            {b === null ? `${a}+` : `${a}–${b}`}
          </Button>
        ))}
      </div>
      <div className="kl-vb-row">
        <Textfield data-size="sm" label={s.ageFrom} value={from} inputMode="numeric" onChange={(e) => setFrom(e.target.value)} />
        <Textfield data-size="sm" label={s.ageTo} value={to} inputMode="numeric" onChange={(e) => setTo(e.target.value)} />
        <Button data-size="sm" onClick={() => add(fromN, toN)} disabled={!valid}>
          {s.add}
        </Button>
      </div>
    </section>
  );
}
