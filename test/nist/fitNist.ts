/** Runs a NIST dataset through fitModel as a plain single-design regression (polynomials expanded). */
import { fitModel } from '../../src/engine/model/fitModel';
import type { FitSuccess } from '../../src/engine/model/types';
import { makeTable, numericColumn, type Table } from '../../src/engine/table';
import type { NistDataset } from './datasets';

function toTable(d: NistDataset): { table: Table; names: string[] } {
  const cols = [numericColumn('y', d.y)];
  const names: string[] = [];
  if (d.degree) {
    const x = d.x[0];
    for (let p = 1; p <= d.degree; p++) {
      names.push(`x${p}`);
      cols.push(numericColumn(`x${p}`, x.map((v) => v ** p)));
    }
  } else {
    d.x.forEach((col, j) => {
      names.push(`x${j + 1}`);
      cols.push(numericColumn(`x${j + 1}`, col));
    });
  }
  return { table: makeTable(cols), names };
}

export function fitNist(d: NistDataset): FitSuccess {
  const { table, names } = toTable(d);
  const result = fitModel(table, {
    dependent: 'y',
    regressors: names,
    design: 'single',
    intercept: d.intercept,
    yearEffects: false,
    se: 'classical',
  });
  const fit = result.fits[0].outcome;
  if (!fit.ok) throw new Error(`${d.name} refused: ${fit.problem.messageEn}`);
  return fit;
}
