import { describe, expect, it } from 'vitest';
import { makeTable, Missing, numericColumn } from '../table';
import { quantileSorted, percentiles } from './quantile';
import { correlationMatrix, correlationPValue, pearson } from './correlation';
import { meanSdByYear } from './byYear';
import { meansByGroupYear } from './bySizeClass';
import { describeTable, MAX_CORRELATION_VARIABLES } from './describeTable';

const f = (xs: number[]) => Float64Array.from(xs);
const none = (n: number) => new Uint8Array(n);

describe('percentiles (R type 7)', () => {
  it('matches R quantile(c(1,2,3,4,10), c(0,.1,.25,.5,.75,.9,1))', () => {
    const s = f([1, 2, 3, 4, 10]);
    expect([0, 0.1, 0.25, 0.5, 0.75, 0.9, 1].map((p) => quantileSorted(s, p))).toEqual([1, 1.4, 2, 3, 4, 7.6, 10].map((x) => expect.closeTo(x, 12)));
  });
  it('sorts, skips missing, and handles one value and none', () => {
    const r = percentiles('x', f([10, NaN, 1, 4, 3, 2]), Uint8Array.from([0, Missing.suppressed, 0, 0, 0, 0]), null);
    expect(r.n).toBe(5);
    expect(r.values[1]).toBeCloseTo(1.4, 12);
    expect(quantileSorted(f([7]), 0.9)).toBe(7);
    expect(quantileSorted(f([]), 0.5)).toBeNaN();
  });
});

describe('correlation', () => {
  it('r = 0.8 and p from t on n−2 df, checked against the closed-form t(3) CDF', () => {
    const x = f([1, 2, 3, 4, 5]);
    const y = f([2, 1, 4, 3, 5]);
    const { r, n } = pearson(x, none(5), y, none(5));
    expect(r).toBeCloseTo(0.8, 14);
    expect(n).toBe(5);
    // t = 0.8·√(3/0.36); for 3 df, F(t) = ½ + (1/π)[(t/√3)/(1 + t²/3) + atan(t/√3)]
    const t = 0.8 * Math.sqrt(3 / 0.36);
    const u = t / Math.sqrt(3);
    const cdf = 0.5 + (u / (1 + u * u) + Math.atan(u)) / Math.PI;
    expect(correlationPValue(r, n)).toBeCloseTo(2 * (1 - cdf), 10);
    expect(correlationPValue(r, n)).toBeCloseTo(0.104088, 5);
  });
  it('uses pairwise complete observations and reports n per pair', () => {
    const m = correlationMatrix([
      { name: 'a', values: f([1, 2, 3, 4, 5]), missing: none(5) },
      { name: 'b', values: f([2, 1, 4, 3, 5]), missing: none(5) },
      { name: 'c', values: f([1, 2, NaN, 4, 9]), missing: Uint8Array.from([0, 0, 1, 0, 0]) },
    ]);
    expect(Array.from(m.n)).toEqual([5, 5, 4, 5, 5, 4, 4, 4, 4]);
    expect(m.r[1]).toBeCloseTo(0.8, 14);
    expect(m.r[3]).toBe(m.r[1]);
    expect(m.r[0]).toBe(1);
    // a vs c on rows 0,1,3,4: x = 1,2,4,5; y = 1,2,4,9
    const r = pearson(f([1, 2, 4, 5]), none(4), f([1, 2, 4, 9]), none(4)).r;
    expect(m.r[2]).toBeCloseTo(r, 14);
  });
  it('a constant variable has no correlation', () => {
    expect(pearson(f([1, 1, 1]), none(3), f([1, 2, 3]), none(3)).r).toBeNaN();
  });
});

describe('mean (SD) per year and means by size class', () => {
  it('computes the sample SD (n − 1) per year', () => {
    const row = meanSdByYear('x', f([1, 3, 10, 20, 30]), none(5), f([2014, 2014, 2015, 2015, 2015]), [2014, 2015, 2016]);
    expect(row.cells[0]).toEqual({ n: 2, mean: 2, sd: Math.SQRT2 });
    expect(row.cells[1]?.mean).toBeCloseTo(20, 12);
    expect(row.cells[1]?.sd).toBeCloseTo(10, 12);
    expect(row.cells[2]).toBeNull();
    expect(row.pooled?.n).toBe(5);
  });
  it('unweighted means by group × year', () => {
    const cells = meansByGroupYear(f([1, 2, 3, 4]), none(4), f([1, 1, 2, 1]), none(4), f([2014, 2014, 2014, 2015]));
    expect(cells).toEqual([
      { group: 1, year: 2014, n: 2, mean: 1.5 },
      { group: 1, year: 2015, n: 1, mean: 4 },
      { group: 2, year: 2014, n: 1, mean: 3 },
    ]);
  });
  it('describeTable ties it together and warns about unknown variables', () => {
    const t = makeTable(
      [numericColumn('aar', [2014, 2014, 2015]), numericColumn('x', [1, 2, 3]), numericColumn('size_class', [1, 2, 1])],
      { year: 'aar' },
    );
    const d = describeTable(t, { variables: ['x', 'nope'], correlation: [], bySizeClass: null, percentileYear: 2014, sizeClassColumn: 'size_class' });
    expect(d.years).toEqual([2014, 2015]);
    expect(d.percentiles.rows[0].n).toBe(2);
    expect(d.bySizeClass?.variable).toBe('x');
    expect(d.problems.map((p) => p.code)).toEqual(['describe-variable-not-found']);
  });
  it('the fast matrix path (shared missing pattern) equals pairwise pearson, mixed patterns too', () => {
    const cols = [
      { name: 'a', values: f([1, 5, 2, 8, 3]), missing: none(5) },
      { name: 'b', values: f([2, 1, 7, 3, 9]), missing: none(5) },
      { name: 'c', values: f([4, NaN, 1, 6, 2]), missing: Uint8Array.from([0, Missing.suppressed, 0, 0, 0]) },
    ];
    const m = correlationMatrix(cols);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++)
        expect(m.r[i * 3 + j]).toBe(pearson(cols[i].values, cols[i].missing, cols[j].values, cols[j].missing).r);
  });
  it('bounds the correlation matrix and says so', () => {
    const k = MAX_CORRELATION_VARIABLES + 5;
    const cols = Array.from({ length: k }, (_, j) => numericColumn(`v${j}`, [1, 2 + j, 3, 5 * j]));
    const t = makeTable([numericColumn('aar', [2014, 2014, 2015, 2015]), ...cols], { year: 'aar' });
    const d = describeTable(t, { variables: cols.map((c) => c.name), correlation: [], bySizeClass: null, percentileYear: null, sizeClassColumn: 'size_class' });
    expect(d.correlation.variables).toHaveLength(MAX_CORRELATION_VARIABLES);
    expect(d.byYear).toHaveLength(k);
    expect(d.problems.map((p) => p.code)).toContain('describe-correlation-truncated');
  });
});
