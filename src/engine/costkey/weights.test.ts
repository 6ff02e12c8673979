import { describe, expect, it } from 'vitest';
import {
  BASIC,
  coefficientWeights,
  districtChange,
  explainedVarianceWeights,
  manualWeights,
  parseKeyString,
  phaseIn,
  sectorWeights,
  subFunctionWeights,
  sumByGroup,
  totalIndex,
  withBasicRemainder,
} from './index';

const coef = { intercept: 2, a: 10, b: -4, ctrl: 0.1 };
const national = { a: 0.2, b: 0.5, ctrl: 30 };

describe('method A (coefficient)', () => {
  it('puts the constant and controls on the basic criterion and sums to one', () => {
    const w = coefficientWeights({ criteria: ['a', 'b'], controls: ['ctrl'], coefficients: coef, national, remainder: 'population' });
    const yhat = 2 + 10 * 0.2 - 4 * 0.5 + 0.1 * 30;
    expect(w.yhatNational).toBeCloseTo(yhat, 12);
    expect(w.criteria[0].weight).toBeCloseTo(2 / yhat, 12);
    expect(w.criteria[1].weight).toBeCloseTo(-2 / yhat, 12);
    expect(w.basic).toBeCloseTo((2 + 3) / yhat, 12);
    expect(w.sumOk).toBe(true);
    expect(w.warnings.map((p) => p.code)).toContain('negative-weight');
  });
  it('rescale leaves nothing on the basic criterion', () => {
    const w = coefficientWeights({ criteria: ['a'], controls: ['ctrl'], coefficients: coef, national, remainder: 'rescale' });
    expect(w.basic).toBe(0);
    expect(w.criteria[0].weight).toBeCloseTo(1, 12);
  });
  it('a dropped criterion gets 0 and its share moves to the remainder', () => {
    const w = coefficientWeights({ criteria: ['a', 'b'], controls: ['ctrl'], coefficients: coef, national, remainder: 'population', dropped: ['b'] });
    expect(w.criteria[1].weight).toBe(0);
    expect(w.sum).toBeCloseTo(1, 12);
    expect(w.warnings.map((p) => p.code)).not.toContain('negative-weight');
  });
  it('warns on insignificant criteria', () => {
    const w = coefficientWeights({ criteria: ['a'], controls: [], coefficients: coef, national, remainder: 'population', p: { a: 0.4 } });
    expect(w.warnings.map((p) => p.code)).toContain('insignificant-criterion');
  });
});

describe('method B (explained variance)', () => {
  it('splits the mean adjusted R² by importance shares and gives the rest to the target', () => {
    const w = explainedVarianceWeights({
      criteria: ['t', 'a', 'b'],
      fits: [
        { year: 2010, r2: 0.7, adjR2: 0.6 },
        { year: 2011, r2: 0.7, adjR2: 0.7 },
      ],
      useAdjusted: true,
      importance: [{ a: 0.3, b: 0.1 }],
      target: 't',
    });
    expect(w.criteria.find((c) => c.name === 'a')?.weight).toBeCloseTo(0.65 * 0.75, 12);
    expect(w.criteria.find((c) => c.name === 'b')?.weight).toBeCloseTo(0.65 * 0.25, 12);
    expect(w.criteria.find((c) => c.name === 't')?.weight).toBeCloseTo(0.35, 12);
    expect(w.basic).toBe(0);
    expect(w.sumOk).toBe(true);
  });
  it('rounds to 0.05 and re-normalises through the target', () => {
    const w = explainedVarianceWeights({
      criteria: ['a', 'b'],
      fits: [{ year: null, r2: 0.63, adjR2: 0.6 }],
      useAdjusted: false,
      importance: [{ a: 0.08, b: 0.92 }],
      rounding: 0.05,
    });
    expect(w.criteria[0].weight).toBeCloseTo(0.05, 12);
    expect(w.criteria[1].weight).toBeCloseTo(0.6, 12);
    expect(w.basic).toBeCloseTo(0.35, 12);
    expect(w.sumOk).toBe(true);
  });
});

describe('method C and D', () => {
  it('sub-function rule w = b·x̄/ē_total', () => {
    const w = subFunctionWeights({ criteria: ['a'], coefficients: { a: 10 }, national: { a: 0.2 }, totalPerCapita: 20 });
    expect(w.criteria[0].weight).toBeCloseTo(0.1, 12);
    expect(w.basic).toBeCloseTo(0.9, 12);
  });
  it('manual keys are checked, not corrected', () => {
    const w = manualWeights(['a', 'b'], { a: 0.5, b: 0.4 });
    expect(w.sumOk).toBe(false);
    const ok = manualWeights(['a', 'b'], withBasicRemainder(['a', 'b'], parseKeyString('a=0.5, b=0.4')));
    expect(ok.basic).toBeCloseTo(0.1, 12);
    expect(ok.sumOk).toBe(true);
    expect(() => parseKeyString('a=x')).toThrow();
    expect(parseKeyString(`${BASIC}=1`)[BASIC]).toBe(1);
  });
});

describe('redistribution helpers', () => {
  it('phase-in moves t/T of the change each year', () => {
    const p = phaseIn(Float64Array.from([300, -300]), 3);
    expect(p.map((a) => a[0])).toEqual([100, 200, 300]);
  });
  it('group sums and per-capita change', () => {
    const g = sumByGroup(['2', '1', '2'], Float64Array.from([10, 20, 30]), Float64Array.from([5, -5, 0]), Float64Array.from([1, 2, 3]));
    expect(g.map((x) => x.group)).toEqual(['1', '2']);
    expect(g[1].changePerCapita).toBeCloseTo(5 / 40, 12);
    expect(g[1].gainers).toBe(1);
  });
  it('total key: sector weights sum to one and keep the mean index', () => {
    const v = sectorWeights([300, 100]);
    expect(Array.from(v)).toEqual([0.75, 0.25]);
    expect(Array.from(totalIndex([Float64Array.from([1.2, 0.8]), Float64Array.from([0.6, 1.4])], v))).toEqual([
      0.75 * 1.2 + 0.25 * 0.6,
      0.75 * 0.8 + 0.25 * 1.4,
    ]);
  });
  it('district change in pp, rounded pp and kroner', () => {
    const ch = districtChange(Float64Array.from([0.261, 0.739]), Float64Array.from([0.25, 0.75]), 1000, 2);
    expect(ch.changePp[0]).toBeCloseTo(-1.1, 12);
    expect(ch.changePpRounded[0]).toBeCloseTo(-1.1, 12);
    expect(ch.changeNok[0]).toBeCloseTo(-11, 9);
    expect(ch.phaseIn[0][0]).toBeCloseTo(-5.5, 9);
  });
});
