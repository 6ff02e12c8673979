/**
 * One orchestration: every command refuses what it does not take (unknown options, misspelt values,
 * stray arguments) with the list of valid ones, prints the AnalysisSpec it runs with `--print-spec`,
 * and that spec — run as a project through the pipeline — gives the command's own numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from './args';
import { commands } from './commands/index';
import { runCostKey } from './commands/costkey';
import { variablesOfSpecFile } from './commands/fit';
import { UsageError } from './options';
import { loadSpec } from '../src/spec/migrate';
import { ORACLE_DIR } from '../test/oracle/loadCase';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'knl-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

const costkeyData = join(ORACLE_DIR, 'costkey-baseline', 'data.csv');
const keyArgs = ['--data', costkeyData, '--unit', 'kommune', '--name', 'navn', '--year', 'aar', '--years', '2022', '--population', 'innbyggere', '--controls', 'frie_inntekter', '--y-unit-nok', '1000', '--formula', 'utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + frie_inntekter'];
const trondheim = join(ORACLE_DIR, 'trondheim-2012', 'data.csv');
const demoCsv = join(dir, 'a.csv');
writeFileSync(demoCsv, '"Tittel"\n\n"region";"år";"folk"\n"0101 Halden";"2019";"10"\n"0104 Moss";"2019";"5"\n');
const project = join(dir, 'proj.json');
writeFileSync(project, JSON.stringify({ version: 1, title: 'P', data: { sources: [{ id: 'a', fileName: 'a.csv', format: 'csv' }] } }));

/** A valid command line of each command (reads only local files). */
const valid: Record<string, string[]> = {
  fit: ['--data', costkeyData, '--unit', 'kommune', '--year', 'aar', '--formula', 'utg_bv ~ lavinntekt'],
  costkey: keyArgs,
  allocate: ['--data', trondheim, '--unit', 'bydel', '--weights', 'n_0_21=1'],
  totalkey: ['--data', costkeyData, '--unit', 'kommune', '--population', 'innbyggere', '--year', 'aar', '--sector', 's=flat', '--sector-weights', 's=1'],
  import: ['--files', demoCsv],
  inspect: [demoCsv],
  run: ['--project', project, '--out', join(dir, 'out')],
  fetch: ['--table', '07459', '--out', join(dir, 'x.json')],
};

async function capture(fn: () => Promise<number>): Promise<{ code: number; out: string }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  const code = await fn();
  vi.restoreAllMocks();
  return { code, out };
}

describe('every command refuses what it does not take', () => {
  it('covers every registered command', () => {
    expect(Object.keys(valid).sort()).toEqual(Object.keys(commands).sort());
  });

  for (const [name, argv] of Object.entries(valid)) {
    it(`${name}: an unknown option is refused with the valid ones`, async () => {
      const run = commands[name].run(parseArgs([...argv, '--estimater', 'median']));
      await expect(run).rejects.toThrow(UsageError);
      await expect(commands[name].run(parseArgs([...argv, '--estimater', 'median']))).rejects.toThrow(/unknown option --estimater[\s\S]*valid options: .*--json/);
    });
  }

  it('misspelt values are refused with the valid values, and a close one is suggested', async () => {
    await expect(commands.fit.run(parseArgs([...valid.fit, '--design', 'poold']))).rejects.toThrow(/«poold» for --design[\s\S]*pooled[\s\S]*valid values: pooled, per-year, within, single, random/);
    await expect(commands.costkey.run(parseArgs([...keyArgs, '--method', 'lmg']))).rejects.toThrow(/valid values: coefficient, explained-variance, sub-function, manual/);
    await expect(commands.import.run(parseArgs([...valid.import, '--structure', '2021']))).rejects.toThrow(/valid values: none, 2020, 2024/);
    await expect(commands.allocate.run(parseArgs([...valid.allocate, '--phase-in', '4']))).rejects.toThrow(/valid values: 1, 2, 3/);
    await expect(commands.run.run(parseArgs([...valid.run, '--csv', 'no']))).rejects.toThrow(/valid values: nb, en/);
  });

  it('a stray argument, an option without its value and a value for a flag are refused', async () => {
    await expect(commands.fit.run(parseArgs([...valid.fit, 'extra.csv']))).rejects.toThrow(/unexpected argument «extra.csv»/);
    await expect(commands.fit.run(parseArgs([...valid.fit, '--weights']))).rejects.toThrow(/--weights .*needs a value/);
    await expect(commands.fit.run(parseArgs([...valid.fit, '--no-intercept=yes']))).rejects.toThrow(/takes no value/);
  });

  it('options of another weight method are refused instead of ignored', async () => {
    await expect(commands.costkey.run(parseArgs([...keyArgs, '--importance', 'lmg']))).rejects.toThrow(/--importance applies to --method explained-variance/);
  });

  it('the entry point exits with code 1 and lists the valid values', () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'cli/analyze.ts'), 'fit', ...valid.fit, '--estimator', 'lasso'], { cwd: root, encoding: 'utf8', stdio: 'pipe' });
    } catch (e) {
      const err = e as { status: number; stderr: string };
      status = err.status;
      stderr = err.stderr;
    }
    expect(status).toBe(1);
    expect(stderr).toContain('valid values: ols, robust, median, quantile');
  }, 120_000);
});

describe('--print-spec', () => {
  for (const name of ['fit', 'costkey', 'allocate', 'totalkey', 'import', 'inspect', 'run']) {
    it(`${name} prints a spec the dashboard loads, and exits 0`, async () => {
      const { code, out } = await capture(() => commands[name].run(parseArgs([...valid[name], '--print-spec'])));
      expect(code).toBe(0);
      const loaded = loadSpec(JSON.parse(out));
      expect(loaded.ok).toBe(true);
    });
  }

  it('the printed cost-key spec, run as a project, gives the command’s own amounts', async () => {
    const { out } = await capture(() => commands.costkey.run(parseArgs([...keyArgs, '--current', 'enslig_forsorger=0.3,lavinntekt=0.25,innb_0_22=0.2', '--print-spec'])));
    const spec = JSON.parse(out);
    expect(spec.data.sources[0]).toMatchObject({ fileName: 'data.csv', table: { unit: 'kommune', year: 'aar', name: 'navn' } });
    expect(spec.costKey).toMatchObject({ method: 'coefficient', modelId: 'key', year: 2022, yUnitNok: 1000 });
    const path = join(dir, 'ck.json');
    writeFileSync(path, out);
    const outDir = join(dir, 'ck');
    const { code } = await capture(() => commands.run.run(parseArgs(['--project', path, '--data', dirname(costkeyData), '--out', outDir, '--json'])));
    expect(code).toBe(0);
    const results = JSON.parse(readFileSync(join(outDir, 'results.json'), 'utf8')) as { costKey: { outcome: { change: number[]; index: number[] } } };
    const direct = await runCostKey(parseArgs([...keyArgs, '--current', 'enslig_forsorger=0.3,lavinntekt=0.25,innb_0_22=0.2']));
    expect(results.costKey.outcome.change).toEqual(direct.units.map((u) => u.change));
    expect(results.costKey.outcome.index).toEqual(direct.units.map((u) => u.index));
  }, 120_000);
});

describe('costkey method D with a preset of today’s keys', () => {
  it('uses the preset’s published weights', async () => {
    const csv = join(dir, 'preset.csv');
    const rows = ['kommune,aar,innbyggere,y,n_0_21,n_16_24,n_ikkevestlig_kontantstotte'];
    for (let i = 0; i < 6; i++) rows.push(`${3001 + i},2022,${1000 + 100 * i},${5 + i},${0.2 + 0.01 * i},${0.1 + 0.02 * (i % 3)},${0.01 + 0.005 * (i % 2)}`);
    writeFileSync(csv, rows.join('\n') + '\n');
    const out = await runCostKey(parseArgs(['--data', csv, '--unit', 'kommune', '--year', 'aar', '--population', 'innbyggere', '--formula', 'y ~ n_0_21 + n_16_24', '--method', 'manual', '--preset', 'trondheim-f232-ny', '--json']));
    expect(out.weights).toMatchObject({ n_0_21: 0.9, n_16_24: 0.05, n_ikkevestlig_kontantstotte: 0.05 });
    expect(out.weights.innbyggere).toBeCloseTo(0, 12);
    expect(Math.abs(out.checks.meanIndex - 1)).toBeLessThan(1e-12);
  });
});

describe('fit --spec FILE', () => {
  it('reports an invalid variables section as a problem', () => {
    const r = variablesOfSpecFile({ variables: { formulas: [{ id: 1 }] } });
    expect('code' in r && r.code).toBe('spec-variables-invalid');
  });
});
