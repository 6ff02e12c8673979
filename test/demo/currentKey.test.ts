/**
 * On the demo: «today's key» says where it comes from everywhere it is used; with
 * nothing chosen it is the published key of the sector where one exists (and a published key the data
 * cannot evaluate is reported by its criteria's names); a total key of two sectors says which sectors
 * it lacks and what that does to the sector weights.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { BASIC, sectorWeightPresets } from '../../src/engine/costkey';
import { runDemo, type DemoRun } from './runDemo';

describe('demo: today’s key and the total key’s sectors', () => {
  let demo: DemoRun;
  beforeAll(async () => {
    demo = await runDemo();
  }, 120_000);

  it('names a key computed from a model as such, in the cost key and in the total key', () => {
    const ck = demo.results.costKey!;
    expect(ck.currentKind).toBe('model');
    expect(ck.currentText.nb).toBe('beregnet fra modellen «Dagens nøkkel barnevern» (metode A) – ikke en publisert nøkkel');
    const bv = demo.results.totalKey!.sources.find((x) => x.id === 'barnevern')!;
    expect(bv.compareWith?.nb).toContain('beregnet fra modellen «Dagens nøkkel barnevern»');
  });

  it('with nothing chosen, tries the published key and names the criteria the data lack', async () => {
    const r = await demo.rerun((s) => void (s.costKey.currentModelId = null));
    const ck = r.costKey!;
    const p = ck.problems.find((x) => x.code === 'published-key-incomplete');
    expect(p?.message).toContain('«Personer med lav utdanning» (lav_utdanning_pi)');
    expect(p?.message).toContain('«Innbyggere 6–12 år» (andel_6_12)');
    expect(ck.currentKind).toBe('computed');
    expect(ck.currentText.nb).toContain('ingen dagens nøkkel valgt');
  });

  it('uses the published key (mapped to the data’s variables) as today’s key by default', async () => {
    const r = await demo.rerun((s) => {
      s.costKey.currentModelId = null;
      // The preset added and its criteria mapped to variables the demo has (weights as published).
      s.costKey.presets.push({
        id: 'barnevern-2026',
        label: 'Barnevern 2026',
        source: 'test',
        weights: { andel_0_22: 0.0624, lavinntekt_pi: 0.372, enslig_forsorger_pi: 0.3472, ufore_18_49_pi: 0.2183 },
      });
    });
    const ck = r.costKey!;
    expect(ck.currentKind).toBe('published');
    expect(ck.currentText.nb).toContain('publisert nøkkel «Barnevern, kostnadsnøkkel 2025–2026');
    // Published to four decimals (sum 0,9999): divided by the sum, so the key adds to exactly 1.
    const sum = Object.values(ck.current!).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
    expect(ck.current!.lavinntekt_pi).toBeCloseTo(0.372 / 0.9999, 12);
    expect(ck.current![BASIC] ?? 0).toBe(0);
    expect(ck.problems.some((x) => x.code === 'published-key-incomplete')).toBe(false);
  });

  it('a two-sector total key lists the five missing sectors and barnevern’s weight against the real one', async () => {
    const cov = demo.results.totalKey!.coverage!;
    expect(cov.missing.map((m) => m.id)).toEqual(['grunnskole', 'pleie_og_omsorg', 'barnehage', 'kommunehelse', 'administrasjon']);
    const bv = cov.sectors.find((x) => x.id === 'barnevern')!;
    expect(bv.weight).toBeGreaterThan(0.4);
    expect(bv.realWeight).toBe(0.0422);

    // With all seven sectors at the published weights nothing is missing and barnevern weighs 0,0422.
    const preset = sectorWeightPresets[0];
    const r = await demo.rerun((s) => {
      const t = s.totalKey;
      t.weightMode = 'manual';
      for (const ps of preset.sectors) {
        const hit = t.sectors.find((x) => x.id === ps.id);
        if (hit) hit.weight = ps.weight;
        else t.sectors.push({ id: ps.id, label: ps.label.nb, source: { kind: 'flat' }, compareWith: null, spending: { kind: 'none' }, weight: ps.weight });
      }
    });
    expect(r.totalKey!.coverage).toBeNull();
    expect(r.totalKey!.result!.sectors.find((x) => x.id === 'barnevern')!.weight).toBeCloseTo(0.0422, 12);
  });
});
