/** Expenditure builder: presets (child welfare, social assistance, F243) and a custom choice of functions. */
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Radio, Select, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { accountsOverview } from '../../engine/variables/catalogue';
import { EXPENDITURE_PRESETS, expenditureFromPreset } from '../../engine/variables/presets';
import type { ExpenditureDef } from '../../spec/sections/variables';
import { uniqueId } from './specOps';
import { variableStrings } from './strings';
import type { VariableData } from './useVariableData';
import { VariableSelect } from './VariableSelect';

export function ExpenditureForm({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const lang = useLanguage();
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const catalogue = useAnalysisStore((st) => st.catalogue);
  const overview = useMemo(() => accountsOverview(catalogue), [catalogue]);
  const [functions, setFunctions] = useState<string[]>([]);
  const [scope, setScope] = useState<'konsern' | 'kasse'>('konsern');
  const [net, setNet] = useState(true);
  const [deflator, setDeflator] = useState('');
  const [baseYear, setBaseYear] = useState('');
  const [perCapita, setPerCapita] = useState(true);
  const [unit, setUnit] = useState<'kr' | '1000kr'>('1000kr');
  const [label, setLabel] = useState('');

  const addPreset = (id: string) => {
    const def = expenditureFromPreset(id, lang);
    if (!def) return;
    updateSpec((d) => {
      d.variables.expenditure.push({ ...def, id: uniqueId(def.id, data.taken) });
    });
  };

  const addCustom = () => {
    const name = label.trim() || `utg_${functions.join('_')}`;
    const def: ExpenditureDef = {
      id: uniqueId(label.trim() ? name : `utg_f${functions.join('_')}`, data.taken),
      label: name,
      functions: [...functions].sort(),
      scope,
      netOfDepreciation: net,
      deflator: deflator && baseYear ? { variable: deflator, baseYear: Number(baseYear) } : null,
      perCapita,
      unit,
      grossArt: 'AGD10',
      depreciationArt: '590',
      sourceUnit: null,
      denominator: null,
    };
    if (updateSpec((d) => void d.variables.expenditure.push(def))) {
      setFunctions([]);
      setLabel('');
    }
  };

  return (
    <section className="kl-vb-section" aria-labelledby="vb-exp" data-testid="expenditure-form">
      <h2 id="vb-exp" className="kl-vb-h2">
        {s.expenditure}
      </h2>
      <Paragraph data-size="sm">{s.expenditureHelp}</Paragraph>
      <div className="kl-vb-row" role="group" aria-label={s.presets}>
        {EXPENDITURE_PRESETS.map((p) => (
          <Button key={p.id} variant="secondary" data-size="sm" onClick={() => addPreset(p.id)} data-testid={`preset-${p.id}`}>
            {s.addPreset(p.label[lang])}
          </Button>
        ))}
      </div>
      {overview.functions.length === 0 ? (
        <Paragraph data-size="sm">{s.noFunctions}</Paragraph>
      ) : (
        <>
          <Fieldset data-size="sm">
            <Fieldset.Legend>{s.functions}</Fieldset.Legend>
            <div className="kl-vb-checkgrid">
              {overview.functions.map((f) => (
                <Checkbox
                  key={f}
                  label={f}
                  value={f}
                  checked={functions.includes(f)}
                  onChange={(e) => setFunctions(e.target.checked ? [...functions, f] : functions.filter((x) => x !== f))}
                />
              ))}
            </div>
          </Fieldset>
          <div className="kl-vb-row">
            <Fieldset data-size="sm">
              <Fieldset.Legend>{s.scope}</Fieldset.Legend>
              <Radio name="vb-scope" value="konsern" label={s.konsern} checked={scope === 'konsern'} onChange={() => setScope('konsern')} />
              <Radio name="vb-scope" value="kasse" label={s.kasse} checked={scope === 'kasse'} onChange={() => setScope('kasse')} />
            </Fieldset>
            <div>
              <Checkbox data-size="sm" label={s.netOfDepreciation} checked={net} onChange={(e) => setNet(e.target.checked)} />
              <Checkbox data-size="sm" label={s.perCapita} checked={perCapita} onChange={(e) => setPerCapita(e.target.checked)} />
            </div>
            <Field data-size="sm">
              <Label>{s.unit}</Label>
              <Select value={unit} onChange={(e) => setUnit(e.target.value as 'kr' | '1000kr')}>
                <option value="1000kr">{s.thousandKr}</option>
                <option value="kr">{s.kr}</option>
              </Select>
            </Field>
          </div>
          <div className="kl-vb-row">
            <VariableSelect label={s.deflator} value={deflator} onChange={setDeflator} options={data.options} none={s.nominal} />
            {deflator && (
              <Field data-size="sm">
                <Label>{s.baseYear}</Label>
                <Select value={baseYear} onChange={(e) => setBaseYear(e.target.value)}>
                  <option value="">{s.choose}</option>
                  {data.years.map((y) => (
                    <option key={y} value={y}>
                      {y}
                    </option>
                  ))}
                </Select>
              </Field>
            )}
            <Textfield data-size="sm" label={s.label} value={label} onChange={(e) => setLabel(e.target.value)} />
            <Button data-size="sm" onClick={addCustom} disabled={functions.length === 0 || (deflator !== '' && baseYear === '')}>
              {s.add}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
