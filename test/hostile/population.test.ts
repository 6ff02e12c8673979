/** Issue 17: a population of −5 000 or 0 is named as such, not as «mangler verdi». */
import { describe, expect, it } from 'vitest';
import { prepareCriteria } from '../../src/engine/costkey/prepare';

describe('cost-key units with an impossible population', () => {
  it('says the population is zero or negative', () => {
    const out = prepareCriteria(['0301', '1101', '1103', '1106'], [-5000, 0, NaN, 1000], [{ name: 'x', values: [1, 1, 1, 1] }]);
    expect(out.units).toEqual(['1106']);
    const byUnit = Object.fromEntries(out.problems.map((p) => [p.where?.unit, p]));
    expect(byUnit['0301'].code).toBe('population-not-positive');
    expect(byUnit['0301'].message).toContain('befolkning −5000 (null eller negativ)');
    expect(byUnit['1101'].message).toContain('befolkning 0 (null eller negativ)');
    expect(byUnit['1103'].message).toContain('mangler verdi');
  });
});

describe('the population variable named in those messages', () => {
  it('names the population variable, so the views that use it show the messages', () => {
    const out = prepareCriteria(['0301', '1101', '1103'], [-5000, NaN, 1000], [{ name: 'x', values: [1, 1, 1] }], 'innbyggere');
    expect(out.problems.map((p) => [p.code, p.where?.variable])).toEqual([
      ['population-not-positive', 'innbyggere'],
      ['unit-without-index', 'innbyggere'],
    ]);
    expect(out.problems[1].message).toContain('mangler verdi for «innbyggere»');
  });
});
