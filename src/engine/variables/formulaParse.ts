/**
 * Safe parsing of formula variables. mathjs's parser builds the syntax tree; this module then admits
 * only a whitelist of node types, operators and functions and translates the tree to a small
 * expression language of its own (`Expr`). Only `Expr` is ever executed, so nothing mathjs could do
 * beyond arithmetic (import, assignment, function definition, evaluate/parse, units, property access)
 * is reachable: a rejected node never gets a meaning.
 *
 * mathjs nodes carry no source positions, so positions are recovered by walking the tree in source
 * order with a cursor into the text (left operand before right, function name before arguments).
 */
import {
  create,
  factory,
  createAccessorNode,
  createArrayNode,
  createAssignmentNode,
  createBlockNode,
  createConditionalNode,
  createConstantNode,
  createFunctionAssignmentNode,
  createFunctionNode,
  createIndexNode,
  createNode,
  createNumber,
  createNumeric,
  createObjectNode,
  createOperatorNode,
  createParenthesisNode,
  createParse,
  createRangeNode,
  createRelationalNode,
  createSymbolNode,
  createTyped,
  type FactoryFunction,
  type MathNode,
} from 'mathjs';
import { problem, type Problem } from '../problem';

// mathjs exports each function's factory (its «custom bundling» API) but its typings list only a few.
declare module 'mathjs' {
  export const createAccessorNode: FactoryFunction<unknown>;
  export const createArrayNode: FactoryFunction<unknown>;
  export const createAssignmentNode: FactoryFunction<unknown>;
  export const createBlockNode: FactoryFunction<unknown>;
  export const createConditionalNode: FactoryFunction<unknown>;
  export const createConstantNode: FactoryFunction<unknown>;
  export const createFunctionAssignmentNode: FactoryFunction<unknown>;
  export const createFunctionNode: FactoryFunction<unknown>;
  export const createIndexNode: FactoryFunction<unknown>;
  export const createNode: FactoryFunction<unknown>;
  export const createNumber: FactoryFunction<unknown>;
  export const createNumeric: FactoryFunction<unknown>;
  export const createObjectNode: FactoryFunction<unknown>;
  export const createOperatorNode: FactoryFunction<unknown>;
  export const createParenthesisNode: FactoryFunction<unknown>;
  export const createParse: FactoryFunction<unknown>;
  export const createRangeNode: FactoryFunction<unknown>;
  export const createRelationalNode: FactoryFunction<unknown>;
  export const createSymbolNode: FactoryFunction<unknown>;
  export const createTyped: FactoryFunction<unknown>;
}

/** A dependency a node class names but uses only to evaluate or print itself, which no formula does. */
const unused = (name: string) =>
  factory(name, [], () => () => {
    throw new Error(`mathjs: «${name}» is not part of the formula parser`);
  });

/**
 * Parser-only mathjs instance, built from mathjs's own factories (its custom-bundling API): the
 * parser, the syntax-tree node classes and the number conversion the parser uses for literals. The
 * full `parseDependencies` also pull in units, matrices, BigNumber, Fraction and matrix inverse
 * (the node classes name them for evaluation): creating those typed functions on the first parse took
 * ~130 ms of a cold start and made up most of the worker's mathjs code. Our own compiler
 * (formulaCompile.ts) evaluates formulas, so the nodes' evaluation dependencies are stubs that throw;
 * the syntax trees are the same (formulaParse.test.ts compares them with the full parser's).
 */
export const formulaMath = create(
  {
    createTyped,
    createNumber,
    createNumeric,
    createNode,
    createAccessorNode,
    createArrayNode,
    createAssignmentNode,
    createBlockNode,
    createConditionalNode,
    createConstantNode,
    createFunctionAssignmentNode,
    createFunctionNode,
    createIndexNode,
    createObjectNode,
    createOperatorNode,
    createParenthesisNode,
    createRangeNode,
    createRelationalNode,
    createSymbolNode,
    createParse,
    subset: unused('subset'),
    size: unused('size'),
    isBounded: unused('isBounded'),
    ResultSet: unused('ResultSet'),
  },
  {},
);

export type OpName =
  | 'add'
  | 'subtract'
  | 'multiply'
  | 'divide'
  | 'pow'
  | 'mod'
  | 'unaryMinus'
  | 'unaryPlus'
  | 'larger'
  | 'smaller'
  | 'largerEq'
  | 'smallerEq'
  | 'equal'
  | 'unequal'
  | 'and'
  | 'or'
  | 'not';

export type FnName =
  | 'abs'
  | 'sqrt'
  | 'cbrt'
  | 'exp'
  | 'log'
  | 'log10'
  | 'log2'
  | 'log1p'
  | 'pow'
  | 'min'
  | 'max'
  | 'round'
  | 'floor'
  | 'ceil'
  | 'sign'
  | 'square'
  | 'cube';

export type Expr =
  | { k: 'num'; v: number }
  | { k: 'var'; name: string }
  | { k: 'op'; op: OpName; args: Expr[] }
  | { k: 'fn'; fn: FnName; args: Expr[] }
  | { k: 'if'; cond: Expr; then: Expr; else: Expr };

/** mathjs operator → our operator (the element-wise `.*` is the same thing on scalars). */
const OPERATORS: Record<string, OpName> = {
  add: 'add',
  subtract: 'subtract',
  multiply: 'multiply',
  dotMultiply: 'multiply',
  divide: 'divide',
  dotDivide: 'divide',
  pow: 'pow',
  dotPow: 'pow',
  mod: 'mod',
  unaryMinus: 'unaryMinus',
  unaryPlus: 'unaryPlus',
  larger: 'larger',
  smaller: 'smaller',
  largerEq: 'largerEq',
  smallerEq: 'smallerEq',
  equal: 'equal',
  unequal: 'unequal',
  and: 'and',
  or: 'or',
  not: 'not',
};

/** Allowed functions and their arity [min, max]. */
export const FUNCTIONS: Record<FnName, [number, number]> = {
  abs: [1, 1],
  sqrt: [1, 1],
  cbrt: [1, 1],
  exp: [1, 1],
  log: [1, 2],
  log10: [1, 1],
  log2: [1, 1],
  log1p: [1, 1],
  pow: [2, 2],
  min: [1, Infinity],
  max: [1, Infinity],
  round: [1, 2],
  floor: [1, 1],
  ceil: [1, 1],
  sign: [1, 1],
  square: [1, 1],
  cube: [1, 1],
};

const CONSTANTS: Record<string, number> = { pi: Math.PI, e: Math.E };

/** Formulas longer than this are refused (the parser is recursive; no real formula is this long). */
export const MAX_FORMULA_LENGTH = 2000;

export type ParseOutcome =
  | { ok: true; expr: Expr; variables: string[] }
  | { ok: false; problem: Problem };

class FormulaError extends Error {
  constructor(
    readonly code: string,
    readonly nb: string,
    readonly en: string,
    readonly position: number,
  ) {
    super(en);
  }
}

const SYNTAX_NB: [RegExp, string][] = [
  [/^Value expected/, 'her mangler et tall eller en variabel'],
  [/^Parenthesis \) expected/, 'her mangler en sluttparentes «)»'],
  [/^Unexpected end of expression/, 'formelen slutter for tidlig'],
  [/^Unexpected operator/, 'uventet operator'],
  [/^Unexpected part/, 'uventet tegn'],
  [/^Syntax error in part/, 'ugyldig tegn'],
  [/^Invalid number/, 'ugyldig tall'],
  [/^Unterminated string/, 'tekst uten avsluttende anførselstegn'],
];

/**
 * Parses and checks a formula. `isVariable` says whether a name is a column the formula may use; it
 * is a function (not an object) so that names like `__proto__` or `constructor` can never resolve
 * through a prototype chain.
 */
export function parseFormula(expression: string, isVariable: (name: string) => boolean, where: Problem['where'] = {}): ParseOutcome {
  const fail = (code: string, nb: string, en: string, position: number): ParseOutcome => ({
    ok: false,
    problem: problem(code, `${nb} (tegn ${position + 1})`, `${en} (character ${position + 1})`, { ...where, position }),
  });
  if (expression.trim() === '') return fail('formula-empty', 'Formelen er tom', 'The formula is empty', 0);
  if (expression.length > MAX_FORMULA_LENGTH) {
    return fail('formula-too-long', `Formelen er lengre enn ${MAX_FORMULA_LENGTH} tegn`, `The formula is longer than ${MAX_FORMULA_LENGTH} characters`, MAX_FORMULA_LENGTH);
  }
  let node: MathNode;
  try {
    node = formulaMath.parse(expression);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    const charProp = err instanceof Error && 'char' in err ? Number((err as Error & { char: unknown }).char) : NaN;
    const pos = Number.isFinite(charProp) ? Math.max(0, Math.min(expression.length, charProp - 1)) : 0;
    const nb = SYNTAX_NB.find(([re]) => re.test(msg))?.[1] ?? `syntaksfeil (${msg.replace(/\s*\(char \d+\)$/, '')})`;
    return fail('formula-syntax', `Feil i formelen: ${nb}`, `Formula error: ${msg.replace(/\s*\(char \d+\)$/, '')}`, pos);
  }
  const walker = new Walker(expression, isVariable);
  try {
    const expr = walker.toExpr(node);
    return { ok: true, expr, variables: [...walker.variables] };
  } catch (err) {
    if (err instanceof FormulaError) return fail(err.code, err.nb, err.en, err.position);
    throw err;
  }
}

class Walker {
  private cursor = 0;
  readonly variables = new Set<string>();

  constructor(
    private readonly src: string,
    private readonly isVariable: (name: string) => boolean,
  ) {}

  /** Position of the next whole-word occurrence of `name` at or after the cursor; moves the cursor past it. */
  private locateName(name: string): number {
    // A digit may precede a name (implicit multiplication `2x`); a letter may not (`xpop` ≠ `pop`).
    const re = new RegExp(`(?<![A-Za-z_\\u00C0-\\u024F])${escapeRe(name)}(?![\\w\\u00C0-\\u024F])`, 'g');
    re.lastIndex = this.cursor;
    const m = re.exec(this.src);
    if (!m) return this.cursor;
    this.cursor = m.index + name.length;
    return m.index;
  }

  /** Position of the next match of `re` at or after the cursor (the cursor does not move). */
  private locate(re: RegExp): number {
    const g = new RegExp(re.source, 'g');
    g.lastIndex = this.cursor;
    const m = g.exec(this.src);
    return m ? m.index : this.cursor;
  }

  toExpr(node: MathNode): Expr {
    switch (node.type) {
      case 'ConstantNode': {
        const v = (node as unknown as { value: unknown }).value;
        if (typeof v === 'number') {
          const m = /(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?/gi;
          m.lastIndex = this.cursor;
          const hit = m.exec(this.src);
          if (hit) this.cursor = hit.index + hit[0].length;
          return { k: 'num', v };
        }
        if (typeof v === 'boolean') {
          this.locateName(String(v));
          return { k: 'num', v: v ? 1 : 0 };
        }
        throw new FormulaError('formula-not-allowed', 'Tekst er ikke tillatt i en formel', 'Text is not allowed in a formula', this.locate(/["']/));
      }
      case 'SymbolNode': {
        const name = (node as unknown as { name: string }).name;
        const pos = this.locateName(name);
        if (this.isVariable(name)) {
          this.variables.add(name);
          return { k: 'var', name };
        }
        if (Object.prototype.hasOwnProperty.call(CONSTANTS, name)) return { k: 'num', v: CONSTANTS[name] };
        throw new FormulaError('formula-unknown-variable', `Ukjent variabel «${name}»`, `Unknown variable "${name}"`, pos);
      }
      case 'ParenthesisNode':
        return this.toExpr((node as unknown as { content: MathNode }).content);
      case 'OperatorNode': {
        const op = node as unknown as { fn: string; op: string; args: MathNode[] };
        const mapped = Object.prototype.hasOwnProperty.call(OPERATORS, op.fn) ? OPERATORS[op.fn] : undefined;
        if (!mapped) {
          // Unary/postfix operators (!, ', ~) sit after or before their operand: search from here.
          throw new FormulaError('formula-not-allowed', `Operatoren «${op.op}» er ikke tillatt`, `The operator "${op.op}" is not allowed`, this.locate(new RegExp(escapeRe(op.op))));
        }
        return { k: 'op', op: mapped, args: op.args.map((a) => this.toExpr(a)) };
      }
      case 'FunctionNode': {
        const fnNode = node as unknown as { fn: MathNode; args: MathNode[] };
        if (fnNode.fn.type !== 'SymbolNode') {
          throw new FormulaError('formula-not-allowed', 'Bare navngitte funksjoner er tillatt', 'Only named functions are allowed', this.locate(/[.[(]/));
        }
        const name = (fnNode.fn as unknown as { name: string }).name;
        const pos = this.locateName(name);
        if (!Object.prototype.hasOwnProperty.call(FUNCTIONS, name)) {
          throw new FormulaError(
            'formula-function-not-allowed',
            `Funksjonen «${name}» er ikke tillatt (tillatt: ${Object.keys(FUNCTIONS).join(', ')})`,
            `The function "${name}" is not allowed (allowed: ${Object.keys(FUNCTIONS).join(', ')})`,
            pos,
          );
        }
        const fn = name as FnName;
        const [lo, hi] = FUNCTIONS[fn];
        if (fnNode.args.length < lo || fnNode.args.length > hi) {
          const want = lo === hi ? String(lo) : hi === Infinity ? `${lo} eller flere` : `${lo}–${hi}`;
          const wantEn = lo === hi ? String(lo) : hi === Infinity ? `${lo} or more` : `${lo}–${hi}`;
          throw new FormulaError('formula-arity', `${name}() tar ${want} argument, fikk ${fnNode.args.length}`, `${name}() takes ${wantEn} arguments, got ${fnNode.args.length}`, pos);
        }
        return { k: 'fn', fn, args: fnNode.args.map((a) => this.toExpr(a)) };
      }
      case 'ConditionalNode': {
        const c = node as unknown as { condition: MathNode; trueExpr: MathNode; falseExpr: MathNode };
        const cond = this.toExpr(c.condition);
        const then = this.toExpr(c.trueExpr);
        return { k: 'if', cond, then, else: this.toExpr(c.falseExpr) };
      }
      case 'AssignmentNode':
      case 'FunctionAssignmentNode':
        throw new FormulaError(
          'formula-assignment',
          'Tilordning («=») er ikke tillatt; skriv bare uttrykket, navnet gir du i feltet over',
          'Assignment ("=") is not allowed; write only the expression, the name goes in the field above',
          this.locate(/(?<![<>=!])=(?!=)/),
        );
      case 'AccessorNode':
      case 'IndexNode':
        throw new FormulaError('formula-not-allowed', 'Oppslag med «.» eller «[ ]» er ikke tillatt', 'Property access with "." or "[ ]" is not allowed', this.locate(/\[|\.(?!\d)/));
      case 'BlockNode':
        throw new FormulaError('formula-not-allowed', 'Bare ett uttrykk er tillatt (ingen «;» eller linjeskift)', 'Only one expression is allowed (no ";" or line breaks)', this.locate(/[;\n]/));
      case 'ArrayNode':
        throw new FormulaError('formula-not-allowed', 'Matriser («[ ]») er ikke tillatt', 'Matrices ("[ ]") are not allowed', this.locate(/\[/));
      case 'ObjectNode':
        throw new FormulaError('formula-not-allowed', 'Objekter («{ }») er ikke tillatt', 'Objects ("{ }") are not allowed', this.locate(/\{/));
      case 'RangeNode':
        throw new FormulaError('formula-not-allowed', 'Områder («a:b») er ikke tillatt', 'Ranges ("a:b") are not allowed', this.locate(/:/));
      case 'RelationalNode':
        throw new FormulaError('formula-not-allowed', 'Kjedede sammenligninger (a < b < c) er ikke tillatt', 'Chained comparisons (a < b < c) are not allowed', this.locate(/[<>=!]/));
      default:
        throw new FormulaError('formula-not-allowed', `Uttrykket er ikke tillatt (${node.type})`, `Expression not allowed (${node.type})`, this.cursor);
    }
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
