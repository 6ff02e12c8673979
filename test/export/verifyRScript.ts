/**
 * Manual check (not a vitest test; needs R + sandwich): generates the R script for three oracle
 * panel cases, runs it with Rscript on the case's data.csv, and compares every estimate and SE with
 * the engine's fitModel and with the oracle's expected numbers. Run:
 *   npx tsx test/export/verifyRScript.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCase, ORACLE_DIR, splitCsvLine } from '../oracle/loadCase';
import { fitModel } from '../../src/engine/model/fitModel';
import type { ModelSpec } from '../../src/engine/model/types';
import { analysisSpecSchema, SPEC_VERSION } from '../../src/spec/schema';
import { generateRScript } from '../../src/export/scripts/rScript';

const regs = ['enslig_forsorger', 'lavinntekt', 'innb_0_22', 'frie_inntekter', 'phv_pas_0_17'];
const specs: Record<string, ModelSpec> = {
  'panel-pooled-cluster': { dependent: 'utg_bv', regressors: regs, design: 'pooled', intercept: true, yearEffects: true, se: 'cluster' },
  'panel-xsec-hc1': { dependent: 'utg_bv', regressors: regs, design: 'per-year', intercept: true, yearEffects: false, se: 'hc1' },
  'panel-within-cluster': { dependent: 'utg_bv', regressors: regs, design: 'within', intercept: false, yearEffects: true, se: 'cluster' },
};
const norm = (t: string) => t.replace(/"/g, '').replace('(Intercept)', 'intercept').replace(/^factor\(aar\)/, 'year_');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
const dir = mkdtempSync(join(tmpdir(), 'knl-r-'));
let worst = 0;
for (const [name, ms] of Object.entries(specs)) {
  const spec = analysisSpecSchema.parse({ version: SPEC_VERSION, title: name, models: { list: [{ id: 'm', label: 'm', ...ms }], shown: ['m'] } });
  const out = join(dir, `${name}.csv`);
  const script = generateRScript(spec, { dataFile: join(ORACLE_DIR, name, 'data.csv'), fromSources: false });
  writeFileSync(join(dir, `${name}.R`), `${script}\nwrite.csv(do.call(rbind, results), ${JSON.stringify(out)}, row.names = FALSE)\n`);
  execFileSync('Rscript', [join(dir, `${name}.R`)], { stdio: 'ignore' });
  const rows = readFileSync(out, 'utf8').trim().split('\n').slice(1).map(splitCsvLine);
  const c = loadCase(name);
  c.table.unit = 'kommune';
  c.table.year = 'aar';
  const expected = c.expected as { coefficients?: Record<string, number>; se?: Record<string, number>; groups?: { sample: { aar: number }; coefficients: Record<string, number>; se: Record<string, number> }[] };
  let vsEngine = 0;
  let vsOracle = 0;
  let n = 0;
  for (const f of fitModel(c.table, ms).fits) {
    if (!f.outcome.ok) throw new Error(`${name}: ${f.outcome.problem.messageEn}`);
    const key = f.year === null ? 'm' : `m ${f.year}`;
    const exp = expected.groups ? expected.groups.find((g) => g.sample.aar === f.year)! : (expected as Required<Pick<typeof expected, 'coefficients' | 'se'>>);
    for (const k of f.outcome.coefficients) {
      const r = rows.find((x) => norm(x[0]) === key && norm(x[1]) === norm(k.name));
      if (!r) throw new Error(`${name}: R has no ${key} ${k.name}`);
      const [est, se] = [Number(r[2]), Number(r[3])];
      vsEngine = Math.max(vsEngine, rel(est, k.estimate), rel(se, k.se));
      vsOracle = Math.max(vsOracle, rel(est, exp.coefficients[norm(k.name)]), rel(se, exp.se[norm(k.name)]));
      n++;
    }
  }
  worst = Math.max(worst, vsEngine);
  console.log(`${name}: ${n} coefficients; max relative difference (estimate, SE) R script vs engine ${vsEngine.toExponential(2)}, vs oracle ${vsOracle.toExponential(2)}`);
}
process.exitCode = worst < 1e-8 ? 0 : 1;
