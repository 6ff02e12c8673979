/**
 * Manual check (not a vitest test; needs R with quantreg and plm): generates the R script for the
 * robust, median, random-effects and interaction models, runs it with Rscript on
 * test/oracle/cases/panel-pooled-cluster/data.csv and compares every estimate and SE with the engine's fitModel.
 *   npx tsx test/export/verifyEstimatorScripts.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { splitCsvLine } from '../oracle/loadCase';
import { fixtures, PANEL_CSV, readFixtureTable } from '../oracle/estimators/load';
import { fitModel } from '../../src/engine/model/fitModel';
import { analysisSpecSchema, SPEC_VERSION } from '../../src/spec/schema';
import { toModelSpec } from '../../src/worker/stages/models';
import { generateRScript } from '../../src/export/scripts/rScript';

const regs = fixtures.regressors;
const base = { dependent: fixtures.dependent, regressors: regs };
const models = [
  { id: 'r', label: 'robust', ...base, design: 'per-year', yearEffects: false, estimator: 'robust', se: 'classical' },
  { id: 'q', label: 'median', ...base, design: 'per-year', yearEffects: false, estimator: 'median', se: 'hc1' },
  { id: 'k', label: 'q25', ...base, design: 'single', estimator: 'quantile', tau: 0.25, se: 'classical', sample: { years: [2019] } },
  { id: 'e', label: 're', ...base, design: 'random', se: 'classical' },
  { id: 'i', label: 'inter', ...base, design: 'pooled', se: 'cluster', interactions: [{ variable: 'frie_inntekter', with: 'year' }, { variable: 'enslig_forsorger', with: 'lavinntekt' }] },
];
const spec = analysisSpecSchema.parse({ version: SPEC_VERSION, title: 'verify', models: { list: models, shown: [] } });
const dir = mkdtempSync(join(tmpdir(), 'knl-r-est-'));
const out = join(dir, 'out.csv');
const script = generateRScript(spec, { dataFile: PANEL_CSV, fromSources: false });
writeFileSync(join(dir, 'v.R'), `${script}\nwrite.csv(do.call(rbind, results), ${JSON.stringify(out)}, row.names = FALSE)\n`);
execFileSync('Rscript', [join(dir, 'v.R')], { stdio: 'ignore' });
const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map(splitCsvLine);
const norm = (t: string) =>
  t.replace(/"/g, '').replace(/^X/, '').replace(/factor\(aar\)(\d+)/, 'year_$1');
const table = readFixtureTable('panel.csv');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
let worst = 0;
for (const m of spec.models.list) {
  let diff = 0;
  let n = 0;
  for (const f of fitModel(table, toModelSpec(m)).fits) {
    if (!f.outcome.ok) throw new Error(`${m.label}: ${f.outcome.problem.messageEn}`);
    const key = f.year === null ? m.label : `${m.label} ${f.year}`;
    for (const c of f.outcome.coefficients) {
      const r = rows.find((x) => norm(x[0]) === key && norm(x[1]) === c.name);
      if (!r) throw new Error(`R has no ${key} ${c.name}`);
      diff = Math.max(diff, rel(Number(r[2]), c.estimate), rel(Number(r[3]), c.se));
      n++;
    }
  }
  worst = Math.max(worst, diff);
  console.log(`${m.label}: ${n} coefficients, max relative difference (estimate, SE) R script vs engine ${diff.toExponential(2)}`);
}
process.exitCode = worst < 1e-7 ? 0 : 1;
