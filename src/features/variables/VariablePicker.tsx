/**
 * A searchable picker over the dataset's numeric variables: Designsystemet's
 * Suggestion (a combobox: type to filter, arrow keys, Enter), the options grouped by what they
 * measure (kroner per innbygger, per innbygger, andeler, antall …) with the unit and the source under
 * each name, so a count is not taken for a rate because the labels look alike. Typing matches the
 * name, the label, the unit and the source, every word anywhere.
 */
import { EXPERIMENTAL_Suggestion as Suggestion, Field, Label, ValidationMessage } from '@digdir/designsystemet-react';
import { useMemo, useState, type ReactNode } from 'react';
import { MEASURE_ORDER, type Measure } from '../../engine/variables/units';
import { useStrings } from '../../i18n/useStrings';
import type { NumericColumnInfo } from '../../results/analysisResults';

const strings = {
  nb: {
    groups: {
      'amount-per-inhabitant': 'Kroner per innbygger',
      'per-inhabitant': 'Per innbygger',
      share: 'Andeler',
      'per-target-group': 'Per innbygger i målgruppen',
      'per-recipient': 'Per mottaker',
      count: 'Antall',
      amount: 'Kroner i alt',
      index: 'Indekser',
      code: 'Koder og grupper',
      unknown: 'Ukjent enhet',
    } satisfies Record<Measure, string>,
    noUnit: 'ukjent enhet',
    builder: 'variabelbygger',
    empty: 'Ingen variabler passer søket',
    hint: 'Skriv for å søke i navn, enhet og kilde.',
  },
  en: {
    groups: {
      'amount-per-inhabitant': 'Kroner per inhabitant',
      'per-inhabitant': 'Per inhabitant',
      share: 'Shares',
      'per-target-group': 'Per inhabitant of the target group',
      'per-recipient': 'Per recipient',
      count: 'Counts',
      amount: 'Kroner in total',
      index: 'Indices',
      code: 'Codes and groups',
      unknown: 'Unit unknown',
    } satisfies Record<Measure, string>,
    noUnit: 'unit unknown',
    builder: 'variable builder',
    empty: 'No variable matches the search',
    hint: 'Type to search names, units and sources.',
  },
};

export type PickerVariable = Pick<NumericColumnInfo, 'name' | 'label'> & Partial<Pick<NumericColumnInfo, 'measure' | 'unit' | 'origin' | 'source'>>;

export interface VariablePickerProps {
  label: string;
  options: readonly PickerVariable[];
  /** The chosen variable (null: none). Pickers that add to a list keep it null. */
  value: string | null;
  onChange(name: string | null): void;
  /** Below the label (what picking does). */
  description?: ReactNode;
  /** Shown under the field (e.g. a unit warning about the chosen variable). */
  warning?: ReactNode;
  testId?: string;
}

/** Every word of the query somewhere in the option's text (name, label, unit, source). */
function matches(text: string, query: string): boolean {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const t = text.toLowerCase();
  return words.every((w) => t.includes(w));
}

export function VariablePicker({ label, options, value, onChange, description, warning, testId }: VariablePickerProps) {
  const s = useStrings(strings);
  const [query, setQuery] = useState('');
  // The 100+ options are rendered only once the field is used: a view with several pickers then
  // mounts a few inputs, not thousands of options (no main-thread task over 50 ms, README «Speed budgets»).
  const [active, setActive] = useState(false);
  const groups = useMemo(() => {
    const by = new Map<Measure, PickerVariable[]>();
    for (const o of options) {
      const m = o.measure ?? 'unknown';
      let list = by.get(m);
      if (!list) by.set(m, (list = []));
      list.push(o);
    }
    for (const list of by.values()) list.sort((a, b) => a.label.localeCompare(b.label, 'nb'));
    return MEASURE_ORDER.filter((m) => by.has(m)).map((m) => ({ measure: m, options: by.get(m)! }));
  }, [options]);
  const chosen = value ? options.find((o) => o.name === value) : undefined;
  const source = (o: PickerVariable) => (o.origin && o.origin !== 'imported' ? `${s.builder}: ${o.source ?? ''}` : (o.source ?? ''));
  return (
    <Field data-size="sm" className="kl-picker" data-testid={testId}>
      <Label>{label}</Label>
      {description && <Field.Description>{description}</Field.Description>}
      <Suggestion
        selected={chosen ? { value: chosen.name, label: chosen.label } : null}
        onSelectedChange={(item) => {
          onChange(item?.value ?? null);
          setQuery('');
        }}
        filter={({ text, value, input }) => matches(`${text} ${value}`, input.value)}
      >
        <Suggestion.Input
          data-testid={testId ? `${testId}-input` : undefined}
          onFocus={() => setActive(true)}
          onInput={(e) => {
            setActive(true);
            setQuery((e.target as HTMLInputElement).value);
          }}
          aria-description={s.hint}
        />
        <Suggestion.Clear />
        <Suggestion.List>
          <Suggestion.Empty>{s.empty}</Suggestion.Empty>
          {active &&
            groups.map((g) => [
              // A visual heading only (the unit line of each option says the same to a screen reader);
              // hidden while searching, when the groups' options are filtered.
              query.trim() === '' && (
                <div key={`h-${g.measure}`} className="kl-picker-group" aria-hidden="true">
                  {s.groups[g.measure]}
                </div>
              ),
              ...g.options.map((o) => (
                <Suggestion.Option key={o.name} value={o.name} label={o.label} data-measure={g.measure}>
                  <span className="kl-picker-label">{o.label}</span>
                  <span className="kl-picker-meta">
                    {o.unit || s.noUnit} · {source(o) || o.name}
                  </span>
                </Suggestion.Option>
              )),
            ])}
        </Suggestion.List>
      </Suggestion>
      {warning && (
        <ValidationMessage data-color="warning" data-testid={testId ? `${testId}-warning` : undefined}>
          {warning}
        </ValidationMessage>
      )}
    </Field>
  );
}
