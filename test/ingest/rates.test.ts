/**
 * Rates of merged municipalities: Σ numerator / Σ denominator × scale, never an
 * average. The merge is a real one from the Klass tables behind the built-in 2020 structure:
 * 5030 Klæbu went into 5001 Trondheim on 1 January 2020. Expected values are computed by hand.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { robustZ } from '../../src/ingest/dataset/validate';
import { Missing, getNumeric, getString, type Table } from '../../src/engine/table';
import { dataSpecSchema } from '../../src/spec/sections/data';

const enc = (t: string) => new TextEncoder().encode(t);
const HEADER = 'kommune;år;Innbyggere;Netto driftsutgifter (1000 kr);Netto driftsutgifter per innbygger (kr);Frie inntekter per innbygger (kr);Andel (prosent)';
// Klæbu's expenditure per inhabitant is rounded in the file (420 500 / 6 000 = 70 083.33 kr).
const ROWS = [
  '5001 Trondheim;2019;200000;12000000;60000;50000;10',
  '5030 Klæbu;2019;6000;420500;70083;53000;40',
  '5001 Trondheim;2018;198000;11000000;55556;49000;11',
  '5030 Klæbu;2018;:;400000;:;52000;41',
  '5001 Trondheim;2017;196000;10000000;51020;48000;12',
  '5030 Klæbu;2017;5900;390000;66102;51000;42',
];

async function load(rows: string[]) {
  return ingestFile({ name: 'trondheim-klaebu.csv', bytes: enc(`${HEADER}\n${rows.join('\n')}\n`) });
}

function cell(t: Table, variable: string, unit: string, year: number): { value: number; missing: number } {
  const k = getString(t, 'kommune');
  const y = getNumeric(t, 'aar');
  const v = getNumeric(t, variable);
  if (!k || !y || !v) throw new Error(`no column ${variable}`);
  const r = k.values.findIndex((c, i) => c === unit && y.values[i] === year);
  if (r < 0) throw new Error(`no row ${unit} ${year}`);
  return { value: v.values[r], missing: v.missing[r] };
}

describe('rates of merged municipalities (Trondheim + Klæbu, 2020 structure)', () => {
  it('recomputes declared and recognised rates from summed numerators and denominators', async () => {
    const src = await load(ROWS);
    const data = dataSpecSchema.parse({
      structure: '2020',
      rates: [{ variable: 'netto_driftsutgifter_per_innbygger_kr', numerator: 'netto_driftsutgifter_1000_kr', denominator: 'innbyggere', scale: 1000 }],
    });
    const ds = buildDataset([src], data);
    expect(getString(ds.table, 'kommune')?.values).toEqual(['5001', '5001', '5001']);
    // Counts and amounts are summed as before.
    expect(cell(ds.table, 'innbyggere', '5001', 2019).value).toBe(206_000);
    expect(cell(ds.table, 'netto_driftsutgifter_1000_kr', '5001', 2019).value).toBe(12_420_500);
    // Declared: (12 000 000 + 420 500) / (200 000 + 6 000) × 1000 = 60 293.689… kr, not the mean 65 041.5.
    expect(cell(ds.table, 'netto_driftsutgifter_per_innbygger_kr', '5001', 2019).value).toBeCloseTo(12_420_500_000 / 206_000, 9);
    expect(cell(ds.table, 'netto_driftsutgifter_per_innbygger_kr', '5001', 2019).value).toBeCloseTo(60_293.68932, 4);
    // Recognised (per innbygger, `innbyggere` in the data), numerator rebuilt as rate × population:
    // (50 000 · 200 000 + 53 000 · 6 000) / 206 000 = 10 318 000 000 / 206 000 = 50 087.378… kr.
    expect(cell(ds.table, 'frie_inntekter_per_innbygger_kr', '5001', 2019).value).toBeCloseTo(50_087.37864, 4);
    // 2017: (48 000 · 196 000 + 51 000 · 5 900) / 201 900 = 9 708 900 000 / 201 900 = 48 087.667… kr.
    expect(cell(ds.table, 'frie_inntekter_per_innbygger_kr', '5001', 2017).value).toBeCloseTo(9_708_900_000 / 201_900, 9);
    // 2018: Klæbu's population is suppressed, so the merged ratio is too (the part's reason is kept).
    expect(cell(ds.table, 'frie_inntekter_per_innbygger_kr', '5001', 2018)).toEqual({ value: NaN, missing: Missing.suppressed });
    expect(cell(ds.table, 'netto_driftsutgifter_per_innbygger_kr', '5001', 2018).missing).toBe(Missing.suppressed);
    // A share without numerator and denominator stays missing, with a warning naming it.
    expect(cell(ds.table, 'andel_prosent', '5001', 2019).missing).toBe(Missing.undefinedValue);
    const warn = ds.problems.filter((p) => p.code === 'non-additive-merge');
    expect(warn.map((p) => p.where?.variable)).toEqual(['andel_prosent']);
    expect(warn[0].message).toContain('3 celler');
    const info = ds.problems.filter((p) => p.code === 'rate-recomputed');
    expect(info.map((p) => p.where?.variable).sort()).toEqual(['frie_inntekter_per_innbygger_kr', 'netto_driftsutgifter_per_innbygger_kr']);
    expect(info.find((p) => p.where?.variable === 'frie_inntekter_per_innbygger_kr')?.message).toContain('funnet automatisk');
    for (const p of info) expect(p.severity).toBe('info');
  });

  it('a declared rate without a numerator column rebuilds it; the rounded rate gives a slightly different figure', async () => {
    const src = await load(ROWS);
    const data = dataSpecSchema.parse({ structure: '2020', rates: [{ variable: 'netto_driftsutgifter_per_innbygger_kr', denominator: 'innbyggere' }] });
    const ds = buildDataset([src], data);
    // (60 000 · 200 000 + 70 083 · 6 000) / 206 000 = 12 420 498 000 / 206 000 = 60 293.679… kr.
    expect(cell(ds.table, 'netto_driftsutgifter_per_innbygger_kr', '5001', 2019).value).toBeCloseTo(12_420_498_000 / 206_000, 9);
  });

  it('a missing population for a part makes the merged ratio missing; a declaration naming unknown variables warns and keeps today’s behaviour', async () => {
    // Klæbu's 2019 population cell is empty: the merged ratio is missing for the same reason.
    const src = await load([...ROWS.slice(0, 1), '5030 Klæbu;2019;;420500;70083;53000;40']);
    const ds = buildDataset([src], dataSpecSchema.parse({ structure: '2020', rates: [{ variable: 'andel_prosent', denominator: 'finnes_ikke', scale: 100 }] }));
    expect(cell(ds.table, 'frie_inntekter_per_innbygger_kr', '5001', 2019).missing).toBe(Missing.missing);
    const unknown = ds.problems.find((p) => p.code === 'rate-spec-unknown');
    expect(unknown?.message).toContain('finnes_ikke');
    expect(unknown?.messageEn).toContain('finnes_ikke');
    expect(ds.problems.filter((p) => p.code === 'non-additive-merge').map((p) => p.where?.variable)).toContain('andel_prosent');
  });

  it('leaves rates of municipalities that were not merged untouched', async () => {
    const src = await load(ROWS);
    const ds = buildDataset([src], dataSpecSchema.parse({ structure: 'none' }));
    expect(cell(ds.table, 'frie_inntekter_per_innbygger_kr', '5030', 2019).value).toBe(53_000);
    expect(ds.problems.some((p) => p.code === 'rate-recomputed' || p.code === 'non-additive-merge')).toBe(false);
  });
});

/** The definition robustZ had before it used selection instead of sorting: results must not change. */
function robustZBySorting(values: Float64Array): Float64Array | null {
  const median = (xs: Float64Array) => {
    const s = Float64Array.from(xs).sort();
    const n = s.length;
    return n % 2 ? s[(n - 1) >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
  };
  if (values.length < 10) return null;
  const x = values.every((v) => v >= 0) ? values.map((v) => Math.log1p(v)) : values;
  const med = median(x);
  const mad = median(x.map((v) => Math.abs(v - med))) * 1.4826;
  if (!(mad > 0)) return null;
  return x.map((v) => (v - med) / mad);
}

describe('robustZ by selection', () => {
  it('equals the sorting definition exactly, ties and odd/even lengths included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e9, noNaN: true })), { minLength: 0, maxLength: 60 }), (xs) => {
        const v = Float64Array.from(xs);
        const a = robustZ(v);
        const b = robustZBySorting(v);
        expect(a === null ? null : Array.from(a)).toEqual(b === null ? null : Array.from(b));
      }),
      { numRuns: 500 },
    );
  });
});
