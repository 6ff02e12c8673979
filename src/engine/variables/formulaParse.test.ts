import { create, parseDependencies } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { formulaMath, parseFormula } from './formulaParse';

/** mathjs's parser with every dependency it names: what the parser-only instance must equal. */
const full = create({ parseDependencies }, {});

const tree = (parse: (e: string) => unknown, expression: string): string => {
  try {
    return JSON.stringify(parse(expression));
  } catch (e) {
    return `error: ${e instanceof Error ? e.message : String(e)}`;
  }
};

// Accepted formulas, every node type the whitelist refuses, number literals in every notation the
// parser reads (the parser converts them with `numeric`), units and constants mathjs knows, errors.
const expressions = [
  'pop^1.2 / pop',
  'log(x) + log10(a) * 2x - -b',
  'a > 0 ? a : -a',
  'max(a, b, 3) mod 2 + min(1, a)',
  'a == b and not (a != b) or a <= b',
  '2e3 + 1.5e-3 + .5 + 0x1F + 0b101 + 0o17 + 1e400 + 0x1Fi8',
  'NaN + Infinity + pi + e + true + null + undefined',
  'a = 1',
  'f(x) = x^2',
  'a; b',
  'a\nb',
  '{a: 1}',
  '1:3',
  'a[1]',
  'a.b.c',
  "'text' + \"text\"",
  'x! + x\'',
  '~a & b | c << 1',
  'a < b < c',
  '5 cm + 2 inch to m',
  '[1, 2; 3, 4]',
  'a +',
  '(a',
  '2 ** 3',
  'a # comment',
  'é + øre_1',
];

describe('parser-only mathjs instance', () => {
  it('builds the same syntax tree as mathjs with all of parseDependencies, errors included', () => {
    for (const e of expressions) expect(tree((x) => formulaMath.parse(x), e), e).toBe(tree((x) => full.parse(x), e));
  });

  it('parses what the formula language allows and refuses the rest by its own whitelist', () => {
    const isVariable = (n: string) => ['a', 'b', 'x', 'pop'].includes(n);
    expect(parseFormula('pop^1.2 / pop + log(x, 10) + (a > b ? 1 : 0)', isVariable).ok).toBe(true);
    const refused = parseFormula('a.b', isVariable);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.problem.code).toBe('formula-not-allowed');
  });
});
