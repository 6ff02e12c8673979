/** How the results table (and its exports) look: SE or t in parentheses, the star scheme, the column order. */
import { Field, Label, Select } from '@digdir/designsystemet-react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useStrings } from '../../i18n/useStrings';
import { STAR_SCHEMES } from '../../export/regressionLayout';
import { modelStrings } from './strings';

type Scheme = keyof typeof STAR_SCHEMES;

function schemeOf(stars: number[]): Scheme | 'custom' {
  const key = [...stars].sort((a, b) => a - b).join(',');
  for (const [name, t] of Object.entries(STAR_SCHEMES)) if (t.join(',') === key) return name as Scheme;
  return 'custom';
}

export function TableOptions() {
  const s = useStrings(modelStrings);
  const models = useAnalysisStore((st) => st.spec.models);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const scheme = schemeOf(models.stars);
  return (
    <div className="kl-builder-row kl-table-options" role="group" aria-label={s.tableOptions} data-testid="table-options">
      <Field data-size="sm">
        <Label>{s.parens}</Label>
        <Select value={models.parens ?? 'se'} data-testid="parens" onChange={(e) => updateSpec((d) => (d.models.parens = e.target.value as 'se' | 't'))}>
          {(['se', 't'] as const).map((x) => (
            <option key={x} value={x}>
              {s.parensOptions[x]}
            </option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label>{s.starScheme}</Label>
        <Select
          value={scheme}
          data-testid="star-scheme"
          onChange={(e) => {
            const v = e.target.value as Scheme;
            if (v in STAR_SCHEMES) updateSpec((d) => (d.models.stars = [...STAR_SCHEMES[v]]));
          }}
        >
          {scheme === 'custom' && <option value="custom">{models.stars.join(' / ')}</option>}
          {(Object.keys(STAR_SCHEMES) as Scheme[]).map((x) => (
            <option key={x} value={x}>
              {s.starSchemes[x]}
            </option>
          ))}
        </Select>
      </Field>
      <Field data-size="sm">
        <Label>{s.columnOrder}</Label>
        <Select
          value={models.columnOrder ?? 'model'}
          data-testid="column-order"
          onChange={(e) => updateSpec((d) => (d.models.columnOrder = e.target.value as 'model' | 'year'))}
        >
          {(['model', 'year'] as const).map((x) => (
            <option key={x} value={x}>
              {s.columnOrders[x]}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}
