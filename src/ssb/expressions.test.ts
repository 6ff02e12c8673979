import { describe, expect, it } from 'vitest';
import { expandValueCodes, isExpression } from './expressions';
import { dim } from './testMeta';

const tid = dim('Tid', ['2019', '2020', '2021', '2022', '2023'], { role: 'time' });
const region = dim('Region', ['0301', '1101', '1103', '3101', 'EAK'], { role: 'geo' });

describe('PxWebApi selection expressions', () => {
  it('top(n) is the latest n years on a time dimension and the first n elsewhere', () => {
    expect(expandValueCodes(tid, ['top(2)']).codes).toEqual(['2022', '2023']);
    expect(expandValueCodes(tid, ['top(2,1)']).codes).toEqual(['2021', '2022']);
    expect(expandValueCodes(region, ['top(2)']).codes).toEqual(['0301', '1101']);
    expect(expandValueCodes(tid, ['bottom(1)']).codes).toEqual(['2019']);
    expect(expandValueCodes(region, ['bottom(1)']).codes).toEqual(['EAK']);
  });

  it('from, to, range, wildcards and masks', () => {
    expect(expandValueCodes(tid, ['from(2021)']).codes).toEqual(['2021', '2022', '2023']);
    expect(expandValueCodes(tid, ['to(2020)']).codes).toEqual(['2019', '2020']);
    expect(expandValueCodes(tid, ['range(2022,2020)']).codes).toEqual(['2020', '2021', '2022']);
    expect(expandValueCodes(region, ['11*']).codes).toEqual(['1101', '1103']);
    expect(expandValueCodes(region, ['*01']).codes).toEqual(['0301', '1101', '3101']);
    expect(expandValueCodes(region, ['????']).codes).toEqual(['0301', '1101', '1103', '3101']);
    expect(expandValueCodes(region, ['*']).codes).toHaveLength(5);
  });

  it('keeps the table order, drops duplicates and names what matched nothing', () => {
    const r = expandValueCodes(region, ['3101', '0301', '0301', 'eak', '9999', 'top(0)', 'from(1234)']);
    expect(r.codes).toEqual(['0301', '3101', 'EAK']);
    expect(r.unknown).toEqual(['9999', 'top(0)', 'from(1234)']);
  });

  it('tells expressions from codes', () => {
    expect(isExpression('top(5)')).toBe(true);
    expect(isExpression('03*')).toBe(true);
    expect(isExpression('0301')).toBe(false);
    expect(isExpression('105+')).toBe(false);
  });
});
