import { describe, expect, it } from 'vitest';
import { getNumeric, getString, Missing } from '../table';
import { variablesSpecSchema } from '../../spec/sections/variables';
import { buildVariables } from './buildVariables';
import { expenditureFromPreset } from './presets';
import { sizeClassOf } from './sizeClass';
import { parseAge } from './catalogue';
import { tinyDataset } from './testData';

const spec = (v: Record<string, unknown>) => variablesSpecSchema.parse(v);
const col = (r: ReturnType<typeof buildVariables>, name: string) => {
  const c = getNumeric(r.table, name);
  if (!c) throw new Error(`no column ${name}`);
  return c;
};

describe('expenditure', () => {
  it('child welfare: Σ(AGD10 − 590) over 244+251+252, konsern, per inhabitant, 1000 kr', () => {
    const def = expenditureFromPreset('utg_barnevern')!;
    const r = buildVariables(tinyDataset(), spec({ expenditure: [def] }));
    expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
    const c = col(r, 'utg_barnevern');
    // Oslo 2014: (100−10)+(50−5)+(30−0) = 165 (1000 kr) = 165 000 kr; /2000 = 82.5 kr = 0.0825 (1000 kr)
    expect(c.values[0]).toBeCloseTo(0.0825, 12);
    // Oslo 2015: (110−10)+(55−5)+(33−0) = 183 → 183 000 / 2001 / 1000
    expect(c.values[1]).toBeCloseTo(183 / 2001, 12);
    // Utsira 2014: F251 suppressed → the sum is suppressed
    expect(c.missing[2]).toBe(Missing.suppressed);
    expect(Number.isNaN(c.values[2])).toBe(true);
    // Utsira 2015: depreciation of 252 missing AND population 0 → missing (input reason beats division by zero)
    expect(c.missing[3]).toBe(Missing.missing);
    const info = r.derived.find((d) => d.name === 'utg_barnevern')!;
    expect(info.kind).toBe('expenditure');
    expect(info.inputs).toContain('f251_d');
    expect(info.preview?.missingByReason).toEqual({ suppressed: 1, missing: 1 });
  });

  it('kr per inhabitant and a total without per-capita; kasse picks the kasse variable', () => {
    const base = expenditureFromPreset('utg_barnevern')!;
    const r = buildVariables(
      tinyDataset(),
      spec({
        expenditure: [
          { ...base, id: 'bv_kr', unit: 'kr' },
          { ...base, id: 'bv_total', perCapita: false, unit: 'kr' },
          { ...base, id: 'f244_kasse', functions: ['244'], scope: 'kasse', netOfDepreciation: false, perCapita: false, unit: '1000kr' },
        ],
      }),
    );
    expect(col(r, 'bv_kr').values[0]).toBeCloseTo(82.5, 10);
    expect(col(r, 'bv_total').values[0]).toBe(165000);
    expect(col(r, 'f244_kasse').values[4]).toBe(900);
  });

  it('deflates to fixed kroner of the base year: value × P(base)/P(t)', () => {
    const base = expenditureFromPreset('utg_barnevern')!;
    const r = buildVariables(
      tinyDataset(),
      spec({ expenditure: [{ ...base, id: 'bv_fast', perCapita: false, unit: '1000kr', deflator: { variable: 'kpi', baseYear: 2014 } }] }),
    );
    const c = col(r, 'bv_fast');
    expect(c.values[0]).toBeCloseTo(165, 10); // base year unchanged
    expect(c.values[1]).toBeCloseTo(183 * (100 / 125), 10); // 146.4
    const r2 = buildVariables(
      tinyDataset(),
      spec({ expenditure: [{ ...base, id: 'bv_fast', deflator: { variable: 'kpi', baseYear: 1999 } }] }),
    );
    expect(r2.problems.map((p) => p.code)).toContain('deflator-base-year-missing');
    expect(getNumeric(r2.table, 'bv_fast')).toBeUndefined();
  });

  it('reports a function that is not in the data, naming function and art', () => {
    const r = buildVariables(tinyDataset(), spec({ expenditure: [expenditureFromPreset('utg_sosialhjelp')!] }));
    const p = r.problems.find((x) => x.code === 'accounts-variable-not-found')!;
    expect(p.severity).toBe('error');
    expect(p.where?.variable).toBe('utg_sosialhjelp');
    expect(p.message).toContain('242');
  });
});

describe('age groups, ratios, size class, groupings', () => {
  it('sums single ages into a count and a share, with the open top category', () => {
    const r = buildVariables(
      tinyDataset(),
      spec({
        ageGroups: [
          { id: 'a0_1', label: '0–1', from: 0, to: 1, share: false },
          { id: 'a1_2', label: '1–2', from: 1, to: 2, share: true },
          { id: 'a2p', label: '2+', from: 2, to: null, share: false },
        ],
      }),
    );
    expect(col(r, 'a0_1').values[0]).toBe(50);
    expect(col(r, 'a1_2').values[0]).toBeCloseTo(80 / 2000, 15);
    expect(col(r, 'a2p').values[0]).toBe(1950);
    // Utsira 2015: population 0 → share undefined (division by zero), not a number
    expect(col(r, 'a1_2').missing[3]).toBe(Missing.undefinedValue);
  });

  it('refuses an age group with ages missing from the data', () => {
    const r = buildVariables(tinyDataset(), spec({ ageGroups: [{ id: 'a0_22', label: '0–22', from: 0, to: 22 }] }));
    const p = r.problems.find((x) => x.code === 'age-variables-missing')!;
    expect(p.message).toContain('3–22');
  });

  it('ratios per inhabitant and per target group (coverage)', () => {
    const r = buildVariables(
      tinyDataset(),
      spec({
        ageGroups: [{ id: 'a0_2', label: '0–2', from: 0, to: 2, share: false }],
        ratios: [
          { id: 'tiltak_pc', label: 'per innb.', numerator: 'tiltak' },
          { id: 'dekning', label: 'dekning', numerator: 'tiltak', denominator: 'a0_2', kind: 'coverage' },
        ],
      }),
    );
    expect(col(r, 'tiltak_pc').values[0]).toBeCloseTo(10 / 2000, 15);
    expect(col(r, 'dekning').values[0]).toBeCloseTo(10 / 100, 15);
  });

  it('size classes: 2000 → 1, 2001 → 2, 50000 → 5, 50001 → 6', () => {
    expect([2000, 2001, 5000, 5001, 10000, 10001, 20000, 20001, 50000, 50001, 0].map(sizeClassOf)).toEqual([
      1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 1,
    ]);
    const r = buildVariables(tinyDataset(), spec({}));
    expect(Array.from(col(r, 'size_class').values)).toEqual([1, 2, 1, 1, 5, 6]);
  });

  it('copies an uploaded grouping column under a new name', () => {
    const ds = tinyDataset();
    const r = buildVariables(ds, spec({ groupings: [{ id: 'fylke', label: 'Fylke', kind: 'column', column: 'navn' }] }));
    expect(getString(r.table, 'fylke')?.values[0]).toBe('Oslo');
    // the dataset's own table is not modified
    expect(ds.table.columns.has('fylke')).toBe(false);
    expect(ds.table.columns.has('size_class')).toBe(false);
  });

  it('refuses names that collide or cannot be used in formulas', () => {
    const r = buildVariables(
      tinyDataset(),
      spec({
        formulas: [
          { id: 'innbyggere', label: 'x', expression: '1' },
          { id: '2x', label: 'y', expression: '1' },
        ],
      }),
    );
    expect(r.problems.map((p) => p.code)).toEqual(['variable-name-taken', 'invalid-variable-name']);
  });

  it('formulas may use earlier derived variables and residualised ones', () => {
    const r = buildVariables(
      tinyDataset(),
      spec({
        formulas: [
          { id: 'urb', label: 'urbanitet', expression: 'innbyggere^1.2 / innbyggere' },
          { id: 'k2', label: 'k2', expression: 'korr * 2' },
        ],
        residualised: [{ id: 'korr', label: 'korr', target: 'tiltak', controls: ['innbyggere'] }],
      }),
    );
    expect(col(r, 'urb').values[0]).toBeCloseTo(2000 ** 0.2, 10);
    const korr = col(r, 'korr');
    const k2 = col(r, 'k2');
    expect(k2.values[0]).toBeCloseTo(2 * korr.values[0], 12);
    expect(r.derived.map((d) => d.name)).toEqual(['size_class', 'urb', 'korr', 'k2']);
  });
});

describe('catalogue parsing', () => {
  it('reads age labels', () => {
    expect(parseAge('17')).toEqual({ from: 17, to: 17 });
    expect(parseAge('105+')).toEqual({ from: 105, to: Infinity });
    expect(parseAge('105 år eller eldre')).toEqual({ from: 105, to: Infinity });
    expect(parseAge('0-17')).toEqual({ from: 0, to: 17 });
    expect(parseAge('alle')).toBeNull();
  });
});
