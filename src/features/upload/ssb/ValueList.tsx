/**
 * A dimension's values as a filterable checkbox list (hundreds of municipalities or ages): native
 * inputs with labels, because a few hundred Designsystemet checkboxes cost a long render.
 */
import { Button, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { formatInteger } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import { ssbStrings } from './strings';

export function ValueList({ id, codes, labels, selected, onChange, label }: { id: string; codes: string[]; labels: string[]; selected: string[]; onChange(codes: string[]): void; label: string }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  const [filter, setFilter] = useState('');
  const chosen = useMemo(() => new Set(selected), [selected]);
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = codes.map((c, i) => ({ code: c, label: labels[i] ?? c }));
    return f ? all.filter((v) => v.code.toLowerCase().includes(f) || v.label.toLowerCase().includes(f)) : all;
  }, [codes, labels, filter]);
  // Keep the table's order whatever order the user ticked in.
  const set = (next: Set<string>) => onChange(codes.filter((c) => next.has(c)));
  return (
    <div className="kl-ssb-values">
      {codes.length > 12 && (
        <div className="kl-ssb-values-tools">
          <Textfield data-size="sm" label={`${s.filter}: ${label}`} value={filter} onChange={(e) => setFilter(e.target.value)} />
          <Button data-size="sm" variant="tertiary" onClick={() => set(new Set([...chosen, ...shown.map((v) => v.code)]))}>
            {s.selectShown}
          </Button>
          <Button data-size="sm" variant="tertiary" onClick={() => set(new Set())}>
            {s.clear}
          </Button>
        </div>
      )}
      <div className="kl-ssb-value-list" role="group" aria-label={label} tabIndex={codes.length > 12 ? 0 : undefined}>
        {shown.map((v) => (
          <label key={v.code} className="kl-ssb-value">
            <input
              type="checkbox"
              name={id}
              value={v.code}
              checked={chosen.has(v.code)}
              onChange={(e) => {
                const next = new Set(chosen);
                if (e.target.checked) next.add(v.code);
                else next.delete(v.code);
                set(next);
              }}
            />
            <span>
              {v.code === v.label ? v.code : `${v.code} ${v.label}`}
            </span>
          </label>
        ))}
      </div>
      <p className="kl-ssb-count" aria-live="polite">
        {formatInteger(selected.length, lang)} {s.selectedOf} {formatInteger(codes.length, lang)}
      </p>
    </div>
  );
}
