/**
 * The cost key of a pooled model with year effects states which year's effect ŷ
 * holds — the key year by default (before: silently the base year), the base year as an option —
 * in the stage (UI), the total key's model sectors and the CLI.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCase } from '../oracle/loadCase';
import { fitModel } from '../../src/engine/model/fitModel';
import { yearEffectFor } from '../../src/engine/costkey';
import type { Table } from '../../src/engine/table';
import { emptySpec } from '../../src/spec/schema';
import { modelEntrySchema } from '../../src/spec/sections/models';
import { runCostKey } from '../../src/worker/stages/costkey';
import { toModelSpec } from '../../src/worker/stages/models';
import { costKeyCommand } from '../../cli/commands/costkey';
import { parseArgs } from '../../cli/args';

const CRITERIA = ['enslig_forsorger', 'lavinntekt', 'innb_0_22'];

function relimpTable(): Table {
  const c = loadCase('relimp');
  return { ...c.table, year: 'aar', unit: 'kommune' };
}

function setup(yearEffect?: 'key-year' | 'base-year', year: number | null = null) {
  const table = relimpTable();
  const spec = emptySpec();
  spec.variables.population = 'innbyggere';
  const entry = modelEntrySchema.parse({ id: 'm1', label: 'Samlet', dependent: 'utg_bv', regressors: CRITERIA, controls: ['frie_inntekter'] });
  spec.models.list.push(entry);
  spec.costKey.modelId = 'm1';
  spec.costKey.year = year;
  if (yearEffect) spec.costKey.yearEffect = yearEffect;
  const res = fitModel(table, toModelSpec(entry));
  const fit = res.fits[0].outcome;
  if (!fit.ok) throw new Error(fit.problem.messageEn);
  return { table, spec, res, fit };
}

const coef = (fit: { coefficients: { name: string; estimate: number }[] }, name: string) => fit.coefficients.find((c) => c.name === name)!.estimate;

describe('ŷ of a pooled model with year effects', () => {
  it('holds the key year’s effect by default and says so', () => {
    const { table, spec, res, fit } = setup();
    const out = runCostKey(spec, table, { m1: res });
    expect(out.year).toBe(2022);
    const ye = out.computed?.yearEffect;
    expect(ye).toMatchObject({ at: 'key-year', year: 2022, keyYear: 2022, baseYear: 2015, outside: false });
    const delta = coef(fit, 'year_2022');
    expect(delta).not.toBe(0);
    expect(ye?.value).toBe(delta);
    // ŷ = b0 + δ_2022 + Σ b_j x̄_j + b_c c̄, and w_j = b_j x̄_j / ŷ.
    let yhat = coef(fit, '(Intercept)') + delta;
    for (const v of [...CRITERIA, 'frie_inntekter']) yhat += coef(fit, v) * out.national[v];
    expect(out.computed?.yhatNational).toBeCloseTo(yhat, 10);
    for (const c of out.computed!.criteria) expect(c.weight).toBeCloseTo((coef(fit, c.name) * out.national[c.name]) / yhat, 12);
  });

  it('the base year as an option: δ = 0, and the basic share moves by the difference', () => {
    const key = setup();
    const base = setup('base-year');
    const k = runCostKey(key.spec, key.table, { m1: key.res }).computed!;
    const b = runCostKey(base.spec, base.table, { m1: base.res }).computed!;
    expect(b.yearEffect).toMatchObject({ at: 'base-year', year: 2015, value: 0 });
    expect(k.yhatNational! - b.yhatNational!).toBeCloseTo(coef(key.fit, 'year_2022'), 9);
    expect(k.basic).not.toBeCloseTo(b.basic, 6);
    expect(k.sum).toBeCloseTo(1, 12);
    expect(b.sum).toBeCloseTo(1, 12);
  });

  it('a key year the model does not cover uses the model’s last year, with a warning', () => {
    const { fit } = setup();
    const ye = yearEffectFor(fit, 2030, 'key-year');
    expect(ye).toMatchObject({ year: 2022, outside: true, value: coef(fit, 'year_2022') });
  });

  it('a model without year effects has nothing to state', () => {
    const table = relimpTable();
    const r = fitModel(table, { dependent: 'utg_bv', regressors: CRITERIA, controls: [], design: 'pooled', intercept: true, yearEffects: false, se: 'hc1' });
    const fit = r.fits[0].outcome;
    if (!fit.ok) throw new Error('fit');
    expect(yearEffectFor(fit, 2022, 'key-year')).toBeNull();
  });
});

describe('CLI costkey --year-effect', () => {
  afterEach(() => vi.restoreAllMocks());
  async function run(argv: string[]): Promise<Record<string, unknown>> {
    let out = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out += String(chunk);
      return true;
    });
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await costKeyCommand.run(parseArgs(argv));
    vi.restoreAllMocks();
    expect(code).toBe(0);
    return JSON.parse(out) as Record<string, unknown>;
  }
  function csv(): string {
    const t = relimpTable();
    const names = ['kommune', 'aar', 'innbyggere', 'utg_bv', ...CRITERIA, 'frie_inntekter'];
    const lines = [names.join(',')];
    for (let i = 0; i < t.nRows; i++)
      lines.push(
        names
          .map((n) => {
            const c = t.columns.get(n)!;
            return c.kind === 'string' ? c.values[i] : c.missing[i] ? '' : String(c.values[i]);
          })
          .join(','),
      );
    const file = join(mkdtempSync(join(tmpdir(), 'knl-ye-')), 'panel.csv');
    writeFileSync(file, `${lines.join('\n')}\n`);
    return file;
  }

  it('reports the year effect used; base-year gives ŷ lower by δ_key', async () => {
    const file = csv();
    const argv = ['--data', file, '--unit', 'kommune', '--year', 'aar', '--years', '2015,2016,2017,2018,2019,2020,2021,2022', '--population', 'innbyggere', '--formula', `utg_bv ~ ${CRITERIA.join(' + ')} + frie_inntekter`, '--controls', 'frie_inntekter', '--json'];
    const key = await run(argv);
    const base = await run([...argv, '--year-effect', 'base-year']);
    const ke = key.year_effect as { at: string; year: number; base_year: number; value: number };
    expect(ke).toMatchObject({ at: 'key-year', year: 2022, base_year: 2015 });
    expect(base.year_effect).toMatchObject({ at: 'base-year', year: 2015, value: 0 });
    expect((key.yhat_national as number) - (base.yhat_national as number)).toBeCloseTo(ke.value, 9);
  });
});
