import { describe, expect, it } from 'vitest';
import { makeTable, Missing, numericColumn } from '../table';
import { buildFormula, checkFormulaNames, previewFormula } from './formula';

const table = makeTable([
  numericColumn('pop', [1000, 32, 0, 100]),
  numericColumn('x', [1, Math.E, -1, NaN], [0, 0, 0, Missing.suppressed]),
  numericColumn('a', [5, 6, 7, 8]),
  numericColumn('b', [1, 2, 3, 4]),
  numericColumn('phv_18', [30, 40, 50, 60]),
  numericColumn('pu', [5, 10, 15, 20]),
  numericColumn('innbyggere', [1000, 2000, 2500, 4000]),
]);
const names = [...table.columns.keys()];
const evalF = (expression: string) => buildFormula(table, { id: 'f', label: 'f', expression });
const fail = (expression: string) => {
  const r = checkFormulaNames(expression, names, { variable: 'f' });
  if (r.ok) throw new Error(`accepted: ${expression}`);
  return r.problem;
};

describe('formula evaluation', () => {
  it('pop^1.2 / pop = pop^0.2, with division by zero as undefined', () => {
    const c = evalF('pop^1.2 / pop').column!;
    expect(c.values[0]).toBeCloseTo(1000 ** 0.2, 12);
    expect(c.values[1]).toBeCloseTo(2, 12); // 32^0.2 = 2
    expect(c.missing[2]).toBe(Missing.undefinedValue); // 0/0
  });

  it('log(x): log of a negative is undefined, a suppressed input stays suppressed', () => {
    const c = evalF('log(x)').column!;
    expect(c.values[0]).toBe(0);
    expect(c.values[1]).toBeCloseTo(1, 15);
    expect(c.missing[2]).toBe(Missing.undefinedValue);
    expect(c.missing[3]).toBe(Missing.suppressed);
  });

  it('differences, ratios, functions and precedence', () => {
    expect(Array.from(evalF('a - b').column!.values)).toEqual([4, 4, 4, 4]);
    expect(evalF('(phv_18 - pu) / innbyggere').column!.values[1]).toBeCloseTo(30 / 2000, 15);
    expect(Array.from(evalF('max(a, 6, b * 2)').column!.values)).toEqual([6, 6, 7, 8]);
    expect(Array.from(evalF('-2^2 + 10 mod 4').column!.values)).toEqual([-2, -2, -2, -2]);
    expect(evalF('log(8, 2)').column!.values[0]).toBeCloseTo(3, 12);
    expect(Array.from(evalF('a > 6 ? a : 0').column!.values)).toEqual([0, 0, 7, 8]);
    expect(Array.from(evalF('2a').column!.values)).toEqual([10, 12, 14, 16]);
  });

  it('a missing input is never hidden: x^0 and x > 0 stay missing', () => {
    expect(evalF('x^0').column!.missing[3]).toBe(Missing.suppressed);
    expect(evalF('x > 0 ? 1 : 2').column!.missing[3]).toBe(Missing.suppressed);
  });

  it('previews min, max, mean and missing', () => {
    const p = previewFormula(table, 'a - b');
    expect(p.ok && p.preview).toMatchObject({ min: 4, max: 4, mean: 4, nMissing: 0 });
    const q = previewFormula(table, 'log(x)');
    expect(q.ok && q.preview).toMatchObject({ nMissing: 2, missingByReason: { undefined: 1, suppressed: 1 } });
  });
});

describe('formula safety (each refusal points at the place in the formula)', () => {
  it('import(...) is refused at the function name', () => {
    const p = fail('1 + import("fs")');
    expect(p.code).toBe('formula-function-not-allowed');
    expect(p.where?.position).toBe(4);
    expect(p.message).toContain('import');
    expect(p.where?.variable).toBe('f');
  });
  it('assignment x = 1 is refused at "="', () => {
    const p = fail('x = 1');
    expect(p.code).toBe('formula-assignment');
    expect(p.where?.position).toBe(2);
  });
  it('function definition f(x) = x is refused at "="', () => {
    const p = fail('f(x) = x');
    expect(p.code).toBe('formula-assignment');
    expect(p.where?.position).toBe(5);
  });
  it('evaluate("1"), parse, createUnit are not functions of the formula language', () => {
    expect(fail('evaluate("1")').code).toBe('formula-function-not-allowed');
    expect(fail('a + parse("1")').where?.position).toBe(4);
    expect(fail('createUnit("foo")').code).toBe('formula-function-not-allowed');
  });
  it('__proto__, constructor and unknown names are unknown variables, with their position', () => {
    const p = fail('a + __proto__');
    expect(p.code).toBe('formula-unknown-variable');
    expect(p.where?.position).toBe(4);
    expect(fail('constructor').code).toBe('formula-unknown-variable');
    const q = fail('pop * 2 + popp');
    expect(q.where?.position).toBe(10);
    expect(q.message).toBe('Ukjent variabel «popp» (tegn 11)');
  });
  it('property access, matrices, objects, strings and blocks are refused', () => {
    expect(fail('a.constructor').code).toBe('formula-not-allowed');
    expect(fail('a["x"]').code).toBe('formula-not-allowed');
    expect(fail('[1, 2]').code).toBe('formula-not-allowed');
    expect(fail('{a: 1}').code).toBe('formula-not-allowed');
    expect(fail('"text"').code).toBe('formula-not-allowed');
    const p = fail('a; b');
    expect(p.where?.position).toBe(1);
    expect(fail('a!').code).toBe('formula-not-allowed');
  });
  it('syntax errors give a Norwegian message and the character position', () => {
    const p = fail('1 + * 2');
    expect(p.code).toBe('formula-syntax');
    expect(p.where?.position).toBe(4);
    expect(p.message).toMatch(/^Feil i formelen: .* \(tegn 5\)$/);
    expect(fail('log(x').message).toContain('sluttparentes');
    expect(fail('   ').code).toBe('formula-empty');
  });
  it('wrong number of arguments is refused', () => {
    expect(fail('sqrt(a, b)').code).toBe('formula-arity');
  });
});
