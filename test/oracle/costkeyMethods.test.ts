/**
 * `analyze -- costkey` with every weight method of the dashboard, each checked against numbers of
 * the R oracle (test/oracle/cases): B against the LMG decomposition of `relimp`, C and D against the
 * regression, national means and per-municipality amounts of `costkey-baseline`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../cli/args';
import { runCostKey } from '../../cli/commands/costkey';
import { close, loadCase, splitCsvLine, toleranceFor } from './loadCase';

function expectClose(got: number, want: number, tol: { rel: number; abs: number }, what: string): void {
  if (!close(got, want, tol)) expect.fail(`${what}: got ${got}, expected ${want} (tol ${JSON.stringify(tol)})`);
}

const baseline = loadCase('costkey-baseline');
const spec = baseline.spec as unknown as { dependent: string; criteria: string[]; controls: string[]; currentKey: Record<string, number> };
const exp = baseline.expected as unknown as {
  weights: Record<string, number>;
  national_means: Record<string, number>;
  y_obs_national: number;
  regression: { coefficients: Record<string, number> };
};
const keyArgs = [
  '--data', join(baseline.dir, 'data.csv'),
  '--unit', 'kommune', '--name', 'navn', '--year', 'aar', '--years', '2022',
  '--population', 'innbyggere', '--controls', spec.controls.join(','), '--y-unit-nok', '1000',
  '--formula', `${spec.dependent} ~ ${[...spec.criteria, ...spec.controls].join(' + ')}`,
  '--json',
];
const keyString = (rec: Record<string, number>) =>
  Object.entries(rec)
    .filter(([k]) => k !== 'innbyggere')
    .map(([k, v]) => `${k}=${v}`)
    .join(',');

describe('costkey method B (explained variance) on the relimp case', () => {
  it('weights = R² of the pooled model × LMG shares; the remainder to the basic criterion', async () => {
    const c = loadCase('relimp');
    const e = c.expected as { r2_full: number; lmg_share: Record<string, number> };
    const criteria = c.spec.regressors as string[];
    const out = await runCostKey(
      parseArgs([
        '--data', join(c.dir, 'data.csv'), '--unit', 'kommune', '--year', 'aar', '--population', 'innbyggere',
        '--formula', `utg_bv ~ ${criteria.join(' + ')}`, '--design', 'pooled',
        '--method', 'explained-variance', '--importance', 'lmg', '--r2', 'plain', '--json',
      ]),
    );
    const tol = toleranceFor(c.tolerance, 'lmg');
    expect(out.method).toBe('explained-variance');
    for (const k of criteria) expectClose(out.weights[k], e.r2_full * e.lmg_share[k], tol, `w ${k}`);
    expectClose(out.weights.innbyggere, 1 - e.r2_full, tol, 'w basic');
    expect(out.regression?.n).toBe((c.expected as { n: number }).n);
  });
});

describe('costkey method C (sub-function) on costkey-baseline', () => {
  it('w_j = b_j·x̄_j / ē_total with the oracle’s coefficients and national means', async () => {
    const out = await runCostKey(parseArgs([...keyArgs, '--method', 'sub-function', '--sub-formula', `${spec.dependent} ~ ${[...spec.criteria, ...spec.controls].join(' + ')}`, '--total', spec.dependent]));
    const tol = toleranceFor(baseline.tolerance, 'weights');
    let sum = 0;
    for (const k of spec.criteria) {
      const want = (exp.regression.coefficients[k] * exp.national_means[k]) / exp.y_obs_national;
      sum += want;
      expectClose(out.weights[k], want, tol, `w ${k}`);
    }
    expectClose(out.weights.innbyggere, 1 - sum, tol, 'w basic');
  });
});

describe('costkey method D (manual) on costkey-baseline', () => {
  it('the oracle’s weights typed in reproduce expected.csv against the oracle’s current key', async () => {
    const out = await runCostKey(parseArgs([...keyArgs, '--method', 'manual', '--weights', keyString(exp.weights), '--current', keyString(spec.currentKey)]));
    expect(out.regression).toBeNull();
    const lines = readFileSync(join(baseline.dir, 'expected.csv'), 'utf8').split('\n').filter(Boolean);
    const header = splitCsvLine(lines[0]);
    const rows = lines.slice(1).map((l) => Object.fromEntries(splitCsvLine(l).map((v, j) => [header[j], v])));
    expect(out.units.map((u) => u.unit)).toEqual(rows.map((r) => r.kommune));
    rows.forEach((r, i) => {
      const u = out.units[i];
      for (const [field, got] of [['index', u.index], ['equalisation_nok', u.amount], ['change_nok', u.change], ['change_per_capita_nok', u.change_per_capita]] as const)
        expectClose(got, Number(r[field]), toleranceFor(baseline.tolerance, field), `${r.kommune} ${field}`);
    });
  });

  it('a preset of today’s keys with its weights filled in; an open preset is refused with the criteria it needs', async () => {
    await expect(runCostKey(parseArgs([...keyArgs, '--method', 'manual', '--preset', 'barnevern-2017']))).rejects.toThrow(/enslig_forsorger_pi/);
  });
});
