import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCase } from '../../test/oracle/loadCase';
import { parseArgs } from '../args';
import { runCostKey } from './costkey';

describe('costkey --bootstrap', () => {
  const c = loadCase('costkey-baseline');
  const argv = (extra: string[]) => [
    '--data', join(c.dir, 'data.csv'),
    '--unit', 'kommune', '--name', 'navn', '--year', 'aar', '--years', '2022',
    '--formula', 'utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + frie_inntekter',
    '--controls', 'frie_inntekter', '--population', 'innbyggere', '--method', 'coefficient',
    '--current', 'enslig_forsorger=0.3,lavinntekt=0.25,innb_0_22=0.2', '--y-unit-nok', '1000', '--json',
    ...extra,
  ];

  it('adds weight and per-unit intervals, reproducible for a seed, point figures unchanged', async () => {
    const plain = await runCostKey(parseArgs(argv([])));
    expect(plain.bootstrap).toBeNull();
    const a = await runCostKey(parseArgs(argv(['--bootstrap', '199', '--seed', '1'])));
    const b = await runCostKey(parseArgs(argv(['--bootstrap', '199', '--seed', '1'])));
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.weights).toEqual(plain.weights);
    const boot = a.bootstrap!;
    expect(boot.replications).toBe(199);
    expect(boot.seed).toBe(1);
    expect(boot.identities.ok).toBe(true);
    for (const [name, w] of Object.entries(boot.weights)) {
      expect(w.estimate).toBeCloseTo(a.weights[name], 8);
      expect(w.ci95[0]).toBeLessThanOrEqual(w.ci90[0]);
      expect(w.ci90[1]).toBeLessThanOrEqual(w.ci95[1]);
    }
    const u = a.units[0] as (typeof a.units)[number] & { change_per_capita_ci95: number[]; sign_uncertain: boolean; share_loss: number };
    expect(u.change_per_capita_ci95).toHaveLength(2);
    expect(typeof u.sign_uncertain).toBe('boolean');
    const other = await runCostKey(parseArgs(argv(['--bootstrap', '199', '--seed', '2'])));
    expect(other.bootstrap!.weights).not.toEqual(boot.weights);
  });

  it('refuses a bootstrap of a typed key, a bad count and a seed without a bootstrap', async () => {
    await expect(runCostKey(parseArgs(argv(['--bootstrap', '10'])))).rejects.toThrow(/50–20000/);
    await expect(runCostKey(parseArgs(argv(['--seed', '3'])))).rejects.toThrow(/--seed applies to --bootstrap/);
    await expect(
      runCostKey(parseArgs([...argv(['--bootstrap', '99']).filter((x) => x !== 'coefficient' && x !== '--method'), '--method', 'manual', '--weights', 'lavinntekt=0.5'])),
    ).rejects.toThrow(/method A or C/);
  });
});
