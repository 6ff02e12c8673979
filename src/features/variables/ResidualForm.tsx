/** Corrected (residualised) indicators, with the auxiliary regression of each shown next to it. */
import { Button, Checkbox, Field, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import type { AuxiliaryRegression } from '../../engine/variables/types';
import { INTERCEPT } from '../../engine/ols/fit';
import { uniqueId } from './specOps';
import { variableStrings } from './strings';
import type { VariableData } from './useVariableData';
import { VariableSelect } from './VariableSelect';

export function ResidualForm({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const [target, setTarget] = useState('');
  const [controls, setControls] = useState<string[]>([]);
  const [yearEffects, setYearEffects] = useState(false);
  const [label, setLabel] = useState('');
  const add = () => {
    const id = uniqueId(`korr_${target}`, data.taken);
    const def = { id, label: label.trim() || `${data.labels.get(target) ?? target} (korrigert)`, target, controls, yearEffects, se: 'hc1' as const, addMean: false };
    if (updateSpec((d) => void d.variables.residualised.push(def))) {
      setControls([]);
      setLabel('');
    }
  };
  return (
    <section className="kl-vb-section" aria-labelledby="vb-resid" data-testid="residual-form">
      <h2 id="vb-resid" className="kl-vb-h2">
        {s.residualised}
      </h2>
      <Paragraph data-size="sm">{s.residualisedHelp}</Paragraph>
      <div className="kl-vb-row">
        <VariableSelect label={s.target} value={target} onChange={setTarget} options={data.options} none={s.choose} />
        <Field data-size="sm">
          <Label>{s.controls}</Label>
          <Select
            value=""
            onChange={(e) => {
              const v = e.target.value;
              if (v && !controls.includes(v)) setControls([...controls, v]);
            }}
          >
            <option value="">{s.choose}</option>
            {data.options
              .filter((o) => o.name !== target && !controls.includes(o.name))
              .map((o) => (
                <option key={o.name} value={o.name}>
                  {o.label}
                </option>
              ))}
          </Select>
        </Field>
        <Checkbox data-size="sm" label={s.yearEffects} checked={yearEffects} onChange={(e) => setYearEffects(e.target.checked)} />
      </div>
      {controls.length > 0 && (
        <ul className="kl-vb-chosen">
          {controls.map((c) => (
            <li key={c}>
              {data.labels.get(c) ?? c}{' '}
              <Button variant="tertiary" data-size="sm" onClick={() => setControls(controls.filter((x) => x !== c))} aria-label={s.remove(data.labels.get(c) ?? c)}>
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="kl-vb-row">
        <Textfield data-size="sm" label={s.label} value={label} onChange={(e) => setLabel(e.target.value)} />
        <Button data-size="sm" onClick={add} disabled={!target || controls.length === 0}>
          {s.add}
        </Button>
      </div>
    </section>
  );
}

/** The auxiliary regression as a small coefficient table (Table 24 layout). */
export function AuxiliaryTable({ aux, name, labels }: { aux: AuxiliaryRegression; name: string; labels: Map<string, string> }) {
  const s = useStrings(variableStrings);
  const lang = useLanguage();
  const rowName = (n: string) => (n === INTERCEPT ? s.constant : (labels.get(n) ?? n));
  return (
    <Table data-size="sm" className="kl-vb-aux" data-testid={`aux-${name}`}>
      <caption>
        {s.auxTitle(name)}. {s.auxCaption(labels.get(aux.target) ?? aux.target)}
      </caption>
      <thead>
        <tr>
          <th scope="col">{s.colName}</th>
          <th scope="col" className="kl-num">
            {s.coefficient}
          </th>
          <th scope="col" className="kl-num">
            {s.se}
          </th>
        </tr>
      </thead>
      <tbody>
        {aux.coefficients.map((c) => (
          <tr key={c.name}>
            <th scope="row">{rowName(c.name)}</th>
            <td className="kl-num">{formatSignificant(c.estimate, lang)}</td>
            <td className="kl-num">({formatSignificant(c.se, lang)})</td>
          </tr>
        ))}
        <tr>
          <th scope="row">{s.n}</th>
          <td className="kl-num">{formatInteger(aux.n, lang)}</td>
          <td />
        </tr>
        <tr>
          <th scope="row">{s.r2}</th>
          <td className="kl-num">{formatNumber(aux.r2, lang, 3)}</td>
          <td />
        </tr>
      </tbody>
    </Table>
  );
}
