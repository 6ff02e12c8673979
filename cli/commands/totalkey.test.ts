/** `analyze -- totalkey`: the hand-computed case of the engine test, through the CLI and its JSON. */
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs, repeated } from '../args';
import { totalKeyCommand } from './totalkey';

const dir = mkdtempSync(join(tmpdir(), 'knl-totalkey-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

// Units 0001–0003 as in src/engine/costkey/total/compute.test.ts; 0004 has no index value in 2022;
// 2021 rows are ignored (key year 2022).
const csv = [
  'kommune;navn;aar;pop;a;idx;spend_a',
  '0001;A;2022;100;0,2;0,9;0,3',
  '0002;B;2022;100;0,1;1,2;0,3',
  '0003;C;2022;200;0,15;0,95;0,3',
  '0004;D;2022;50;0,3;;0,3',
  '0001;A;2021;100;0,5;2;9',
].join('\n');
const data = join(dir, 'data.csv');
writeFileSync(data, csv + '\n');

async function run(argv: string[]): Promise<{ code: number; json: Record<string, unknown> & { units: Record<string, unknown>[] } }> {
  let out = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  // The repeated options come in through the argv the command reads (as from the real CLI).
  const saved = process.argv;
  process.argv = ['node', 'analyze.ts', 'totalkey', ...argv];
  try {
    const code = await totalKeyCommand.run(parseArgs(argv));
    return { code, json: JSON.parse(out) };
  } finally {
    process.argv = saved;
  }
}

const base = ['--data', data, '--unit', 'kommune', '--name', 'navn', '--population', 'pop', '--year', 'aar', '--years', '2022', '--json'];

describe('analyze totalkey', () => {
  it('sector weights from spending, total index, need and the change when one sub-key is replaced', async () => {
    const { code, json } = await run([
      ...base,
      '--sector', 's1=a=0.5',
      '--sector', 's2=index:idx',
      '--before', 's1=flat',
      '--sector-spending', 's1=spend_a,s2=100',
      '--spending-unit-nok', '1000',
    ]);
    expect(code).toBe(0);
    expect(json.sector_weights).toEqual({ s1: 0.75, s2: 0.25 });
    expect(json.sector_spending).toEqual({ s1: expect.closeTo(300, 9), s2: 100 });
    expect(json.per_capita).toBeCloseTo(400, 9);
    expect(json.year).toBe(2022);
    const checks = json.checks as { code: string; ok: boolean }[];
    expect(checks.map((c) => c.code)).toEqual(expect.arrayContaining(['sector-weights-sum', 'total-mean-index', 'equalisation-sum', 'change-sum']));
    expect(checks.every((c) => c.ok)).toBe(true);
    expect(json.excluded).toEqual([{ unit: '0004', name: 'D', reasons: [{ variable: 'idx', reason: 'missing' }] }]);
    const byUnit = Object.fromEntries(json.units.map((u) => [u.unit, u]));
    expect(Object.keys(byUnit)).toEqual(['0001', '0002', '0003']);
    expect(byUnit['0001'].name).toBe('A');
    expect((byUnit['0001'].sectors as Record<string, number>).s1).toBeCloseTo(7 / 6, 12);
    expect(byUnit['0001'].index).toBeCloseTo(1.1, 12);
    expect(byUnit['0002'].need_per_capita).toBeCloseTo(370, 9);
    expect(byUnit['0001'].change).toBeCloseTo(5000, 6);
    expect(byUnit['0002'].change_per_capita).toBeCloseTo(-50, 9);
  });

  it('typed sector weights that do not add up to 1 are refused (exit 1, no units)', async () => {
    const { code, json } = await run([...base, '--sector', 's1=a=0.5;s2=index:idx', '--sector-weights', 's1=0.7,s2=0.2', '--per-capita', '1000']);
    expect(code).toBe(1);
    expect(json.ok).toBe(false);
    expect(json.units).toEqual([]);
    expect((json.checks as { code: string; ok: boolean }[]).find((c) => c.code === 'sector-weights-sum')?.ok).toBe(false);
  });

  it('typed sector weights and a typed U', async () => {
    const { code, json } = await run([...base, '--sector', 's1=a=0.5;s2=index:idx', '--sector-weights', 's1=0.75,s2=0.25', '--per-capita', '1 000']);
    expect(code).toBe(0);
    expect(json.per_capita_from).toBe('typed');
    expect(json.units[0].need_per_capita).toBeCloseTo(1100, 9);
    expect(json.units[0]).not.toHaveProperty('change');
  });

  it('rejects a sector named only in the weights', async () => {
    await expect(run([...base, '--sector', 's1=flat', '--sector-weights', 's1=0.5,s9=0.5'])).rejects.toThrow(/s9/);
  });
});

describe('repeated options', () => {
  it('keeps every value of a repeated option, in order, and splits on ;', () => {
    const argv = ['--sector', 'a=flat', '--x', '1', '--sector=b=index:c', '--sector', 'c=flat;d=flat'];
    const args = parseArgs(argv);
    expect(repeated(args, 'sector')).toEqual(['a=flat', 'b=index:c', 'c=flat', 'd=flat']);
    expect(args.values.get('sector')).toBe('c=flat;d=flat');
    expect(repeated(args, 'missing')).toEqual([]);
  });
});
