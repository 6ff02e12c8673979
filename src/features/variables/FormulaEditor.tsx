/**
 * Formula variables: the expression is checked as you type (syntax and the safety whitelist, against
 * the names of the data — no data are computed here); the error points at the character. After
 * adding, the worker computes the column and the preview (min, max, mean, missing) appears in the
 * table of derived variables; before adding, the worker previews min, max, mean and missing.
 */
import { Button, Label, Paragraph, Textfield, Textarea, ValidationMessage } from '@digdir/designsystemet-react';
import { useId, useMemo, useState } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { checkFormulaNames } from '../../engine/variables/formula';
import { caretLine, uniqueId } from './specOps';
import { FormulaPreview } from './FormulaPreview';
import { variableStrings } from './strings';
import type { VariableData } from './useVariableData';

export function FormulaEditor({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const lang = useLanguage();
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const defined = useAnalysisStore((st) => st.spec.variables);
  const [expression, setExpression] = useState('');
  const [label, setLabel] = useState('');
  const [name, setName] = useState('');
  const msgId = useId();
  const inputId = useId();
  // Names a formula may use: every numeric column, plus variables defined but not yet computed.
  const names = useMemo(
    () => [
      ...data.options.map((o) => o.name),
      ...defined.expenditure.map((d) => d.id),
      ...defined.ratios.map((d) => d.id),
      ...defined.ageGroups.map((d) => d.id),
      ...defined.formulas.map((d) => d.id),
      ...defined.residualised.map((d) => d.id),
    ],
    [data.options, defined],
  );
  const check = useMemo(() => (expression.trim() ? checkFormulaNames(expression, names) : null), [expression, names]);
  const error = check && !check.ok ? check.problem : null;
  const add = () => {
    if (!check?.ok) return;
    const id = uniqueId(name.trim() || label.trim() || 'formel', data.taken);
    if (updateSpec((d) => void d.variables.formulas.push({ id, label: label.trim() || expression.trim(), expression: expression.trim() }))) {
      setExpression('');
      setLabel('');
      setName('');
    }
  };
  return (
    <section className="kl-vb-section" aria-labelledby="vb-formula" data-testid="formula-form">
      <h2 id="vb-formula" className="kl-vb-h2">
        {s.formulas}
      </h2>
      <Paragraph data-size="sm">{s.formulasHelp}</Paragraph>
      <div className="kl-vb-row">
        <Textfield data-size="sm" label={s.id} value={name} onChange={(e) => setName(e.target.value)} data-testid="formula-name" />
        <Textfield data-size="sm" label={s.label} value={label} onChange={(e) => setLabel(e.target.value)} />
      </div>
      {/* A plain element with the field class, not <Field>: the <ds-field> element reads a textarea's
          scrollHeight on every change inside it (auto-height), a forced page-wide layout each time. */}
      <div className="ds-field" data-size="sm">
        <Label htmlFor={inputId}>{s.expression}</Label>
        <Textarea
          id={inputId}
          rows={2}
          value={expression}
          spellCheck={false}
          className="kl-vb-code"
          onChange={(e) => setExpression(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={msgId}
          data-testid="formula-input"
        />
        <div id={msgId} aria-live="polite">
          {error && (
            <>
              <pre className="kl-vb-caret" aria-hidden="true">
                {expression.split('\n')[0]}
                {'\n'}
                {caretLine(error.where?.position ?? 0)}
              </pre>
              <ValidationMessage data-testid="formula-error">{lang === 'nb' ? error.message : error.messageEn}</ValidationMessage>
            </>
          )}
          {check?.ok && (
            <Paragraph data-size="sm" data-testid="formula-ok">
              {s.formulaOk} {check.variables.length > 0 && `${s.variablesInFormula}: ${check.variables.join(', ')}.`}
            </Paragraph>
          )}
          <FormulaPreview expression={check?.ok ? expression.trim() : null} />
        </div>
      </div>
      <Button data-size="sm" onClick={add} disabled={!check?.ok} data-testid="formula-add">
        {s.add}
      </Button>
    </section>
  );
}
