/**
 * One dimension of the query builder: its code lists (regions, age groups), and what to take —
 * all values, chosen values, the latest years, a range of years, or nothing (summed by SSB) where the
 * table allows leaving the dimension out.
 */
import { Field, Fieldset, Label, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useStrings } from '../../../i18n/useStrings';
import type { DimensionMeta } from '../../../ssb/types';
import type { ChoiceMode, DimChoice } from './choices';
import { ssbStrings } from './strings';
import { ValueList } from './ValueList';

export function DimensionChoice({ tableId, dim, choice, onChange }: { tableId: string; dim: DimensionMeta; choice: DimChoice; onChange(c: DimChoice): void }) {
  const s = useStrings(ssbStrings);
  const id = `kl-ssb-${tableId}-${dim.id}`.replace(/[^A-Za-z0-9_-]/g, '_');
  const modes: [ChoiceMode, string][] = [];
  if (dim.role === 'time') modes.push(['last', s.lastYears], ['range', s.range], ['all', s.all]);
  else {
    modes.push(['all', dim.role === 'geo' ? s.allMunicipalities : s.allValues], ['codes', s.chosenValues]);
    if (dim.elimination) modes.push(['eliminate', s.eliminate]);
  }
  const set = (patch: Partial<DimChoice>) => onChange({ ...choice, ...patch });
  return (
    <Fieldset data-size="sm" className="kl-ssb-dim" data-testid="ssb-dim" data-dim={dim.id}>
      <Fieldset.Legend>
        {dim.label} <span className="kl-ssb-dim-id">({dim.id})</span>
      </Fieldset.Legend>
      {dim.codelists.length > 0 && (
        <Field>
          <Label htmlFor={`${id}-cl`}>{s.codelist}</Label>
          <Select id={`${id}-cl`} data-testid="ssb-codelist" value={choice.codelist ?? ''} onChange={(e) => set({ codelist: e.target.value || null, codes: [], mode: dim.role === 'geo' ? 'all' : 'codes' })}>
            <option value="">{s.noCodelist}</option>
            {dim.codelists.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label} ({c.id})
              </option>
            ))}
          </Select>
        </Field>
      )}
      <div className="kl-ssb-modes">
        {modes.map(([mode, label]) => (
          <Radio key={mode} name={`${id}-mode`} value={mode} label={label} checked={choice.mode === mode} onChange={() => set({ mode })} />
        ))}
      </div>
      {choice.mode === 'last' && (
        <Textfield data-size="sm" type="number" min={1} max={dim.codes.length} label={s.lastN} value={String(choice.last)} onChange={(e) => set({ last: Math.max(1, Math.min(dim.codes.length, Number(e.target.value) || 1)) })} />
      )}
      {choice.mode === 'range' && (
        <div className="kl-ssb-range">
          {(['from', 'to'] as const).map((k) => (
            <Field key={k}>
              <Label htmlFor={`${id}-${k}`}>{s[k]}</Label>
              <Select id={`${id}-${k}`} value={choice[k]} onChange={(e) => set({ [k]: e.target.value })}>
                {dim.codes.map((c, i) => (
                  <option key={c} value={c}>
                    {dim.labels[i]}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </div>
      )}
      {choice.mode === 'codes' && <ValueList id={id} codes={dim.codes} labels={dim.labels} selected={choice.codes} onChange={(codes) => set({ codes })} label={dim.label} />}
    </Fieldset>
  );
}
