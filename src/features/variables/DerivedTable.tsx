/** The derived variables with recipe, preview statistics, problems and (for corrected ones) the auxiliary regression. */
import { Button, Paragraph, Table } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import { useAnalysisStore } from '../../store/analysisStore';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { formatInteger, formatSignificant } from '../../i18n/format';
import { ProblemText } from '../../app/ProblemList';
import { listOf, removeDefinition } from './specOps';
import { variableStrings } from './strings';
import { AuxiliaryTable } from './ResidualForm';
import type { VariableData } from './useVariableData';

export function DerivedTable({ data }: { data: VariableData }) {
  const s = useStrings(variableStrings);
  const lang = useLanguage();
  const variables = useAnalysisStore((st) => st.spec.variables);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const built = new Map(data.derived.map((d) => [d.name, d]));
  // Rows: everything built, plus definitions that did not build (so their problems show).
  const pending = (['expenditure', 'ratios', 'ageGroups', 'formulas', 'residualised', 'groupings'] as const)
    .flatMap((k) => variables[k].map((d) => ({ id: d.id, label: d.label })))
    .filter((d) => !built.has(d.id));
  const missingText = (by: Record<string, number>) =>
    Object.entries(by)
      .map(([k, v]) => `${formatInteger(v, lang)} ${s.missingReasons[k] ?? k}`)
      .join(', ');

  if (data.derived.length === 0 && pending.length === 0) return <Paragraph data-size="sm">{s.noDerived}</Paragraph>;
  return (
    <div className="kl-table-scroll" role="region" aria-label={s.derivedTitle} tabIndex={0}>
      <Table data-size="sm" data-testid="derived-table">
        <caption>{s.derivedCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{s.colName}</th>
            <th scope="col">{s.colKind}</th>
            <th scope="col">{s.colRecipe}</th>
            <th scope="col" className="kl-num">
              {s.colMin}
            </th>
            <th scope="col" className="kl-num">
              {s.colMax}
            </th>
            <th scope="col" className="kl-num">
              {s.colMean}
            </th>
            <th scope="col">{s.colMissing}</th>
            <th scope="col">{s.colAction}</th>
          </tr>
        </thead>
        <tbody>
          {data.derived.map((d) => {
            const problems = data.problemsFor(d.name);
            const removable = listOf(variables, d.name) !== null;
            return (
              <Fragment key={d.name}>
                <tr data-testid={`derived-${d.name}`}>
                  <th scope="row">
                    {d.label}
                    <br />
                    <code>{d.name}</code>
                  </th>
                  <td>{s.kindNames[d.kind] ?? d.kind}</td>
                  <td>
                    <code>{d.recipe}</code>
                  </td>
                  <td className="kl-num">{d.preview ? formatSignificant(d.preview.min, lang) : ''}</td>
                  <td className="kl-num">{d.preview ? formatSignificant(d.preview.max, lang) : ''}</td>
                  <td className="kl-num" data-testid={`mean-${d.name}`}>
                    {d.preview ? formatSignificant(d.preview.mean, lang) : ''}
                  </td>
                  <td>{d.preview ? `${formatInteger(d.preview.nMissing, lang)}${d.preview.nMissing ? ` (${missingText(d.preview.missingByReason)})` : ''}` : ''}</td>
                  <td>
                    {removable && (
                      <Button variant="tertiary" data-size="sm" onClick={() => updateSpec((dr) => removeDefinition(dr, d.name))} aria-label={s.remove(d.label)}>
                        ✕
                      </Button>
                    )}
                  </td>
                </tr>
                {(d.auxiliary || problems.length > 0) && (
                  <tr>
                    <td colSpan={8}>
                      {problems.map((p, i) => (
                        <Paragraph key={i} data-size="sm">
                          <ProblemText problem={p} />
                        </Paragraph>
                      ))}
                      {d.auxiliary && <AuxiliaryTable aux={d.auxiliary} name={d.label} labels={data.labels} />}
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
          {pending.map((d) => (
            <tr key={d.id} data-testid={`derived-${d.id}`}>
              <th scope="row">
                {d.label}
                <br />
                <code>{d.id}</code>
              </th>
              <td colSpan={6}>
                {data.problemsFor(d.id).length
                  ? data.problemsFor(d.id).map((p, i) => (
                      <Paragraph key={i} data-size="sm" data-testid="derived-problem">
                        <ProblemText problem={p} />
                      </Paragraph>
                    ))
                  : s.pending}
              </td>
              <td>
                <Button variant="tertiary" data-size="sm" onClick={() => updateSpec((dr) => removeDefinition(dr, d.id))} aria-label={s.remove(d.label)}>
                  ✕
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}
