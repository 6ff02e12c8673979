/**
 * Residualised ("corrected") indicators (SØF 2017, Table 24; docs/METHODS.md §2): one pooled OLS of the target on
 * the controls, optionally with year effects; the residual is the new variable (mean zero, the
 * report does not add the mean back). The auxiliary regression is returned so the view can show it
 * next to the variable.
 *
 * The residual is rebuilt from the control slopes alone: with a constant (and a full set of year
 * dummies) OLS residuals sum to zero overall (within each year), so the constant (+ year effect) is
 * the mean of y − Σ b·x over the sample (in that year). That keeps this module independent of how
 * the fit names its intercept and dummy columns.
 */
import { fitModel } from '../model/fitModel';
import type { ModelSpec } from '../model/types';
import { problem } from '../problem';
import { getNumeric, type NumericColumn, type Table } from '../table';
import type { ResidualDef } from '../../spec/sections/variables';
import { combineMissing } from './missing';
import { Missing } from '../table';
import type { BuiltColumn } from './expenditure';
import type { AuxiliaryRegression } from './types';

export function buildResidual(table: Table, def: ResidualDef): BuiltColumn & { auxiliary?: AuxiliaryRegression } {
  const inputs = [def.target, ...def.controls];
  for (const name of inputs) {
    if (!getNumeric(table, name)) {
      return {
        column: null,
        inputs,
        recipe: '',
        problems: [
          problem('variable-not-found', `«${def.label}»: finner ikke variabelen «${name}».`, `"${def.label}": variable "${name}" not found.`, {
            variable: def.id,
            column: name,
          }),
        ],
      };
    }
  }
  if (def.controls.length === 0) {
    return {
      column: null,
      inputs,
      recipe: '',
      problems: [problem('no-controls', `«${def.label}»: velg minst én kontrollvariabel.`, `"${def.label}": choose at least one control variable.`, { variable: def.id })],
    };
  }
  const spec: ModelSpec = {
    dependent: def.target,
    regressors: def.controls,
    design: 'pooled',
    intercept: true,
    yearEffects: def.yearEffects,
    se: def.se,
    cluster: null,
    weights: null,
    sample: null,
  };
  const result = fitModel(table, spec);
  const outcome = result.fits[0]?.outcome;
  if (!outcome || !outcome.ok) {
    const p = outcome && !outcome.ok ? outcome.problem : undefined;
    return {
      column: null,
      inputs,
      recipe: '',
      problems: [
        problem(
          'auxiliary-regression-failed',
          `«${def.label}»: hjelperegresjonen kunne ikke estimeres${p ? `: ${p.message}` : ''}`,
          `"${def.label}": the auxiliary regression could not be estimated${p ? `: ${p.messageEn}` : ''}`,
          { variable: def.id, variables: inputs },
        ),
      ],
    };
  }

  const n = table.nRows;
  const y = getNumeric(table, def.target) as NumericColumn;
  const xs = def.controls.map((c) => getNumeric(table, c) as NumericColumn);
  const slopes = def.controls.map((c) => outcome.coefficients.find((co) => co.name === c)?.estimate ?? NaN);
  const partial = new Float64Array(n).fill(NaN);
  for (const r of outcome.rows) {
    let v = y.values[r];
    for (let j = 0; j < xs.length; j++) v -= slopes[j] * xs[j].values[r];
    partial[r] = v;
  }
  const yearCol = def.yearEffects && table.year ? getNumeric(table, table.year) : undefined;
  const sums = new Map<number, { s: number; c: number }>();
  let ySum = 0;
  for (const r of outcome.rows) {
    const g = yearCol ? yearCol.values[r] : 0;
    const e = sums.get(g) ?? { s: 0, c: 0 };
    e.s += partial[r];
    e.c++;
    sums.set(g, e);
    ySum += y.values[r];
  }
  const shift = def.addMean ? ySum / outcome.rows.length : 0;
  const values = new Float64Array(n).fill(NaN);
  for (const r of outcome.rows) {
    const e = sums.get(yearCol ? yearCol.values[r] : 0) as { s: number; c: number };
    values[r] = partial[r] - e.s / e.c + shift;
  }
  // Rows outside the sample keep the reason their inputs were missing.
  const inputMissing = combineMissing(n, [y.missing, ...xs.map((x) => x.missing), ...(yearCol ? [yearCol.missing] : [])]);
  const missing = new Uint8Array(n);
  for (let i = 0; i < n; i++) if (!Number.isFinite(values[i])) missing[i] = inputMissing[i] || Missing.undefinedValue;

  const column: NumericColumn = {
    kind: 'number',
    name: def.id,
    label: def.label,
    unit: y.unit,
    source: 'korrigert',
    values,
    missing,
  };
  const auxiliary: AuxiliaryRegression = {
    target: def.target,
    controls: def.controls,
    yearEffects: def.yearEffects,
    se: def.se,
    coefficients: outcome.coefficients.filter((c) => !c.name.startsWith('year_')),
    r2: outcome.r2,
    n: outcome.n,
    nDropped: outcome.dropped.length,
  };
  const recipe = `${def.target} − (a + ${def.controls.map((c) => `b·${c}`).join(' + ')}${def.yearEffects ? ' + årseffekter' : ''})`;
  return { column, inputs, recipe, problems: outcome.warnings, auxiliary };
}
