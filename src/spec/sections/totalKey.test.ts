/** The total-key section (`costKey.total` until spec version 2): old files still load, new ones round-trip. */
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../migrate';
import { emptySpec, SPEC_VERSION } from '../schema';
import { totalKeySpecSchema } from './totalKey';

describe('totalKey in the spec', () => {
  it('a saved spec without a total key (older files) loads with an empty one', () => {
    const old = { version: 1, title: 'Gammel', costKey: { method: 'coefficient', modelId: 'm1' } };
    const r = loadSpec(old);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.costKey.modelId).toBe('m1');
    expect(r.spec.totalKey).toEqual({ sectors: [], weightMode: 'spending', weightsSource: '', perCapita: null });
  });

  it('a total key round-trips through JSON, sector defaults filled in', () => {
    const spec = emptySpec();
    spec.totalKey = totalKeySpecSchema.parse({
      weightMode: 'manual',
      weightsSource: 'kilde',
      perCapita: 60000,
      sectors: [
        { id: 'bv', label: 'Barnevern', source: { kind: 'proposed' }, compareWith: { kind: 'current' }, spending: { kind: 'variable', variable: 'bv_pi' }, weight: 0.03 },
        { id: 'sos', label: 'Sosialhjelp', source: { kind: 'index', variable: 'idx' }, spending: { kind: 'typed', perCapita: 2500 } },
        { id: 'g', label: 'Grunnskole', source: { kind: 'preset', presetId: 'p1' } },
        { id: 'm', label: 'Modell', source: { kind: 'model', modelId: 'sh' } },
      ],
    });
    const r = loadSpec(JSON.parse(JSON.stringify(spec)));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.spec.totalKey).toEqual(spec.totalKey);
    const [bv, sos, g] = r.spec.totalKey.sectors;
    expect(bv.spending).toEqual({ kind: 'variable', variable: 'bv_pi', unitNok: null });
    expect(sos.source).toEqual({ kind: 'index', variable: 'idx', rescale: false });
    expect(sos.compareWith).toBeNull();
    expect(g.spending).toEqual({ kind: 'none' });
    expect(g.weight).toBeNull();
  });

  it('rejects an unknown index source with a problem, not a crash', () => {
    const r = loadSpec({ version: SPEC_VERSION, totalKey: { sectors: [{ id: 'x', label: 'X', source: { kind: 'magic' } }] } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0].code).toBe('spec-invalid');
    expect(r.problems[0].message).toContain('totalKey.sectors.0.source');
  });

  it('default sector lists are not shared between specs', () => {
    const a = emptySpec();
    const b = emptySpec();
    a.totalKey.sectors.push({ id: 'x', label: 'X', source: { kind: 'flat' }, compareWith: null, spending: { kind: 'none' }, weight: null });
    expect(b.totalKey.sectors).toEqual([]);
    expect(totalKeySpecSchema.parse({}).sectors).toEqual([]);
  });
});
