/** The total key: a hand-computed case, units left out with the reason, and the identities on random data. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeTable, Missing, type Column, type Table } from '../../table';
import { BASIC } from '../types';
import { presetSum, sectorCoverage, sectorWeightPresets } from './presets';
import { totalKeyFromTable, type SectorInput } from './compute';

function num(name: string, values: (number | null)[], unit?: string, code: number = Missing.missing): Column {
  return {
    kind: 'number',
    name,
    unit,
    values: Float64Array.from(values, (v) => (v === null ? NaN : v)),
    missing: Uint8Array.from(values, (v) => (v === null ? code : 0)),
  };
}

/** Units 0001–0003 of the hand case, plus 0004 whose index value is suppressed (`:`). */
function handTable(): Table {
  return makeTable(
    [
      { kind: 'string', name: 'kommune', values: ['0001', '0002', '0003', '0004'] },
      { kind: 'string', name: 'navn', values: ['A', 'B', 'C', 'D'] },
      num('pop', [100, 100, 200, 50]),
      num('a', [0.2, 0.1, 0.15, 0.3]),
      num('idx', [0.9, 1.2, 0.95, null], undefined, Missing.suppressed),
      num('spend_a', [0.3, 0.3, 0.3, 0.3], '1000 kr'),
    ],
    { unit: 'kommune', unitName: 'navn' },
  );
}

const sectors = (over: Partial<SectorInput>[] = []): SectorInput[] => [
  { id: 's1', label: 'Sektor 1', source: { kind: 'key', key: { [BASIC]: 0.5, a: 0.5 } }, compareWith: { kind: 'flat' }, spending: { kind: 'typed', perCapita: 300 }, ...over[0] },
  { id: 's2', label: 'Sektor 2', source: { kind: 'index', variable: 'idx' }, spending: { kind: 'typed', perCapita: 100 }, ...over[1] },
];

describe('total key, hand-computed', () => {
  // x̄_a = (20 + 10 + 30)/400 = 0.15 over the kept units; I_1 = 0.5 + 0.5·a/x̄ = [7/6, 5/6, 1];
  // I_2 = idx; v = [300, 100]/400; I = [1.1, 0.925, 0.9875]; U = 400.
  const r = totalKeyFromTable(handTable(), { unit: 'kommune', unitName: 'navn', population: 'pop', sectors: sectors(), weightMode: 'spending' });

  it('sector indices, weights, total index and money', () => {
    expect(r.ok).toBe(true);
    expect(r.units).toEqual(['0001', '0002', '0003']);
    expect(Array.from(r.sectors[0].index)).toEqual([expect.closeTo(7 / 6, 12), expect.closeTo(5 / 6, 12), expect.closeTo(1, 12)]);
    expect(r.sectors.map((s) => s.weight)).toEqual([0.75, 0.25]);
    expect(r.perCapita).toBe(400);
    expect(r.perCapitaFrom).toBe('spending');
    const close = (xs: Float64Array, want: number[]) => want.forEach((w, i) => expect(xs[i]).toBeCloseTo(w, 9));
    close(r.index, [1.1, 0.925, 0.9875]);
    close(r.needPerCapita, [440, 370, 395]);
    close(r.equalisation, [4000, -3000, -1000]);
    // Sector 1 goes from flat to its key: ΔI = 0.75·(I_1 − 1) = [0.125, −0.125, 0].
    close(r.changePerCapita, [50, -50, 0]);
    close(r.change, [5000, -5000, 0]);
    expect(Array.from(r.order)).toEqual([1, 2, 0]);
  });

  it('every identity holds and is reported as a passing check', () => {
    expect(r.checks.map((c) => c.code).sort()).toEqual(
      ['change-sum', 'equalisation-sum', 'sector-mean-index', 'sector-mean-index', 'sector-mean-index-before', 'sector-weights-sum', 'total-mean-index'].sort(),
    );
    for (const c of r.checks) {
      expect(c.ok, c.messageEn).toBe(true);
      expect(c.severity).toBe('info');
      expect(c.message.length).toBeGreaterThan(0);
    }
  });

  it('lists the municipality whose index value is missing, with the reason, instead of dropping it silently', () => {
    expect(r.nCandidates).toBe(4);
    expect(r.excluded).toEqual([{ unit: '0004', name: 'D', reasons: [{ variable: 'idx', reason: 'suppressed' }] }]);
    const p = r.problems.find((x) => x.code === 'units-left-out');
    expect(p?.severity).toBe('warning');
    expect(p?.message).toContain('0004 D');
    expect(p?.message).toContain('«Sektor 2»');
    expect(p?.messageEn).toContain('left out');
  });

  it('spending from a variable in 1000 kr is its population-weighted national mean in kroner', () => {
    const s = totalKeyFromTable(handTable(), {
      unit: 'kommune',
      population: 'pop',
      sectors: sectors([{ spending: { kind: 'variable', variable: 'spend_a' } }]),
      weightMode: 'spending',
    });
    expect(s.sectors[0].spending).toBeCloseTo(300, 9);
    expect(s.sectors[0].spendingUnitNok).toBe(1000);
    expect(s.sectors[0].weight).toBeCloseTo(0.75, 12);
  });

  it('typed sector weights must add up to 1; U may be typed', () => {
    const bad = totalKeyFromTable(handTable(), {
      unit: 'kommune',
      population: 'pop',
      sectors: sectors([{ weight: 0.7 }, { weight: 0.2 }]),
      weightMode: 'manual',
      perCapita: 1000,
    });
    expect(bad.ok).toBe(false);
    expect(bad.index.length).toBe(0);
    const sum = bad.checks.find((c) => c.code === 'sector-weights-sum');
    expect(sum?.ok).toBe(false);
    expect(sum?.severity).toBe('error');
    const good = totalKeyFromTable(handTable(), {
      unit: 'kommune',
      population: 'pop',
      sectors: sectors([{ weight: 0.75 }, { weight: 0.25 }]),
      weightMode: 'manual',
      perCapita: 1000,
    });
    expect(good.ok).toBe(true);
    expect(good.perCapitaFrom).toBe('typed');
    expect(good.needPerCapita[0]).toBeCloseTo(1100, 9);
  });

  it('errors are values: a missing variable, a missing spending figure, an unresolved source', () => {
    const r1 = totalKeyFromTable(handTable(), { unit: 'kommune', population: 'pop', sectors: sectors([{}, { source: { kind: 'index', variable: 'nope' } }]), weightMode: 'spending' });
    expect(r1.ok).toBe(false);
    expect(r1.problems.some((p) => p.code === 'missing-column' && p.where?.variable === 'nope')).toBe(true);
    const r2 = totalKeyFromTable(handTable(), { unit: 'kommune', population: 'pop', sectors: sectors([{ spending: { kind: 'none' } }]), weightMode: 'spending' });
    expect(r2.ok).toBe(false);
    expect(r2.problems.map((p) => p.code)).toContain('sector-spending-missing');
    const r3 = totalKeyFromTable(handTable(), {
      unit: 'kommune',
      population: 'pop',
      sectors: sectors([{ source: { kind: 'unresolved', problem: { code: 'no-key', severity: 'error', message: 'ingen', messageEn: 'none' } } }]),
      weightMode: 'spending',
    });
    expect(r3.ok).toBe(false);
    expect(r3.problems.find((p) => p.code === 'no-key')?.where?.variable).toBe('s1');
  });

  it('an index column whose mean is not 1 fails its check as a warning, and can be rescaled', () => {
    const t = handTable();
    const idx = t.columns.get('idx');
    if (idx?.kind !== 'number') throw new Error('idx');
    idx.values[0] = 1.0; // mean (100 + 120 + 190)/400 = 1.025
    const raw = totalKeyFromTable(t, { unit: 'kommune', population: 'pop', sectors: sectors(), weightMode: 'spending' });
    const c = raw.checks.find((x) => x.code === 'sector-mean-index' && x.where?.variable === 's2');
    expect(c?.ok).toBe(false);
    expect(c?.severity).toBe('warning');
    expect(c?.value).toBeCloseTo(1.025, 12);
    const scaled = totalKeyFromTable(t, { unit: 'kommune', population: 'pop', sectors: sectors([{}, { source: { kind: 'index', variable: 'idx', rescale: true } }]), weightMode: 'spending' });
    expect(scaled.checks.every((x) => x.ok)).toBe(true);
  });

  it('the 2026 sector-weight preset covers all seven sectors, adds up to 1.000 and names its source', () => {
    const p = sectorWeightPresets[0];
    expect(presetSum(p)).toBeCloseTo(1, 12);
    expect(p.thirdParty).toBe(true);
    expect(p.source).toContain('vegard1104/kommunebarometer');
    expect(p.source).toContain('Grønt hefte 2026 tabell A-k');
    expect(p.source).toContain('regjeringen.no');
    expect(Object.fromEntries(p.sectors.map((s) => [s.id, s.weight]))).toEqual({
      grunnskole: 0.2299,
      pleie_og_omsorg: 0.3532,
      barnehage: 0.1597,
      barnevern: 0.0422,
      sosialhjelp: 0.0741,
      kommunehelse: 0.0637,
      administrasjon: 0.0772,
    });
  });

  it('says which sectors a two-sector total key lacks and what that does to the weights', () => {
    const p = sectorWeightPresets[0];
    const c = sectorCoverage(
      [
        { id: 'barnevern', label: 'Barnevern', weight: 0.49 },
        { id: 'sos', label: 'Sosialhjelp', weight: 0.51 },
      ],
      p,
    );
    expect(c.missing.map((m) => m.id)).toEqual(['grunnskole', 'pleie_og_omsorg', 'barnehage', 'kommunehelse', 'administrasjon']);
    expect(c.presentShare).toBeCloseTo(0.0422 + 0.0741, 12);
    expect(c.sectors).toEqual([
      { id: 'barnevern', label: 'Barnevern', weight: 0.49, realWeight: 0.0422 },
      { id: 'sos', label: 'Sosialhjelp', weight: 0.51, realWeight: 0.0741 },
    ]);
  });
});

describe('total key identities on random data', () => {
  const unitArb = fc.record({
    pop: fc.integer({ min: 1, max: 200_000 }),
    a: fc.double({ min: 0.01, max: 1, noNaN: true }),
    b: fc.double({ min: 0.01, max: 1, noNaN: true }),
    c: fc.double({ min: 0.5, max: 1.5, noNaN: true }),
  });
  const sourceArb = fc.oneof(
    fc.record({ wa: fc.double({ min: -0.5, max: 1, noNaN: true }), wb: fc.double({ min: -0.5, max: 1, noNaN: true }) }).map(({ wa, wb }) => ({ kind: 'key' as const, key: { a: wa, b: wb, [BASIC]: 1 - wa - wb } })),
    fc.constant({ kind: 'flat' as const }),
    fc.constant({ kind: 'index' as const, variable: 'c', rescale: true }),
  );
  const sectorArb = fc.record({ source: sourceArb, before: fc.option(sourceArb, { nil: null }), spending: fc.double({ min: 1, max: 50_000, noNaN: true }) });

  it('mean of every sector index and of the total is 1, Σ v = 1, Σ equalisation = 0, Σ change = 0', () => {
    fc.assert(
      fc.property(fc.array(unitArb, { minLength: 2, maxLength: 60 }), fc.array(sectorArb, { minLength: 1, maxLength: 5 }), (units, secs) => {
        const t = makeTable(
          [
            { kind: 'string', name: 'kommune', values: units.map((_, i) => String(i).padStart(4, '0')) },
            num('pop', units.map((u) => u.pop)),
            num('a', units.map((u) => u.a)),
            num('b', units.map((u) => u.b)),
            num('c', units.map((u) => u.c)),
          ],
          { unit: 'kommune' },
        );
        const r = totalKeyFromTable(t, {
          unit: 'kommune',
          population: 'pop',
          weightMode: 'spending',
          sectors: secs.map((s, i) => ({ id: `s${i}`, label: `S${i}`, source: s.source, compareWith: s.before, spending: { kind: 'typed', perCapita: s.spending } })),
        });
        expect(r.ok).toBe(true);
        const sumV = r.sectors.reduce((x, s) => x + s.weight, 0);
        expect(Math.abs(sumV - 1)).toBeLessThan(1e-12);
        for (const c of r.checks) expect(c.ok, `${c.code}: ${c.value}`).toBe(true);
        let m = 0;
        for (let i = 0; i < r.index.length; i++) m += r.population[i] * r.index[i];
        expect(Math.abs(m / r.populationTotal - 1)).toBeLessThan(1e-9);
        // ΔI = Σ v_s (I_s − I_s^before), unit by unit.
        for (let i = 0; i < r.index.length; i++) {
          let d = 0;
          r.sectors.forEach((s) => (d += s.weight * (s.index[i] - (s.indexBefore ?? s.index)[i])));
          expect(r.changePerCapita[i]).toBeCloseTo(d * r.perCapita, 6);
        }
      }),
      { numRuns: 150, seed: 7 },
    );
  });
});
