/**
 * The total-key stage on the demo: the demo spec's total key (barnevern: proposed vs today's key;
 * sosialhjelp: today's key from its model) resolves, every identity holds, the municipalities left
 * out are listed with the reason, and the change in kroner agrees with the cost-key stage's own
 * redistribution of the barnevern key (v_bv·ΔI_bv·U = ΔI_bv·U_bv).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../../scripts/demo/index';
import { loadSpec } from '../../spec/migrate';
import type { AnalysisSpec } from '../../spec/schema';
import { Pipeline } from '../pipeline';
import type { AnalysisResults } from '../../results/analysisResults';
import { runTotalKey } from './totalKey';

const ctl = { cancelled: () => false, progress: () => {} };
let spec: AnalysisSpec;
let pipeline: Pipeline;
let res: AnalysisResults;

beforeAll(async () => {
  const demo = generateDemo();
  const loaded = loadSpec(JSON.parse(demo.specJson));
  if (!loaded.ok) throw new Error('demo spec invalid');
  spec = loaded.spec;
  pipeline = new Pipeline();
  for (const s of spec.data.sources) {
    const f = demo.files.find((x) => x.name === s.fileName)!;
    await pipeline.importFile({ name: f.name, bytes: f.bytes }, s);
  }
  res = (await pipeline.run(spec, ctl))!;
}, 120_000);

describe('total-key stage on the demo', () => {
  it('resolves both sectors and every identity holds', () => {
    const tk = res.totalKey!;
    expect(tk.configured).toBe(true);
    const r = tk.result!;
    expect(r.ok).toBe(true);
    expect(r.sectors.map((s) => s.id)).toEqual(['barnevern', 'sosialhjelp']);
    expect(tk.sources[0].source.nb).toContain('Foreslått nøkkel');
    expect(tk.sources[0].compareWith?.nb).toContain('Dagens nøkkel');
    expect(tk.sources[1].source.nb).toContain('Dagens nøkkel sosialhjelp');
    expect(r.sectors.reduce((a, s) => a + s.weight, 0)).toBeCloseTo(1, 12);
    for (const s of r.sectors) expect(s.spending).toBeGreaterThan(100); // kroner, not 1000 kr
    for (const c of r.checks) expect(c.ok, c.messageEn).toBe(true);
    expect(r.checks.map((c) => c.code)).toContain('change-sum');
  });

  it('lists the municipalities left out, with the reason', () => {
    const r = res.totalKey!.result!;
    expect(r.excluded.length).toBe(r.nCandidates - r.units.length);
    expect(r.excluded.length).toBeGreaterThan(0);
    for (const x of r.excluded) expect(x.reasons.length).toBeGreaterThan(0);
    expect(r.problems.filter((p) => p.code === 'units-left-out').length).toBeGreaterThan(0);
  });

  it('the change in the total key equals the cost key\'s own redistribution of the barnevern key', () => {
    const r = res.totalKey!.result!;
    const ck = res.costKey!;
    const pos = new Map(ck.base!.prep.units.map((u, i) => [u, i]));
    let compared = 0;
    r.units.forEach((u, i) => {
      const j = pos.get(u);
      if (j === undefined) return;
      compared++;
      expect(r.change[i]).toBeCloseTo(ck.outcome!.change[j], 3);
    });
    expect(compared).toBe(r.units.length);
  });

  it('a typed spending figure changes the sector weights and a named municipality\'s total index', () => {
    const before = res.totalKey!.result!;
    const s2 = structuredClone(spec);
    s2.totalKey.sectors[1].spending = { kind: 'typed', perCapita: 20_000 };
    const after = runTotalKey(s2, pipeline.analysisTable(s2), res.costKey, res.models).result!;
    expect(after.sectors[1].weight).toBeGreaterThan(before.sectors[1].weight);
    const i = after.units.indexOf(before.units[0]);
    expect(after.index[i]).not.toBeCloseTo(before.index[0], 6);
    for (const c of after.checks) expect(c.ok, c.messageEn).toBe(true);
  });

  it('without a proposed key the sector reports it instead of guessing', () => {
    const s2 = structuredClone(spec);
    const out = runTotalKey(s2, pipeline.analysisTable(s2), undefined, res.models);
    expect(out.result!.ok).toBe(false);
    expect(out.result!.problems.find((p) => p.code === 'no-key')?.where?.variable).toBe('barnevern');
  });
});
