/**
 * Exact arithmetic for reference values: every double is a dyadic rational m·2^e, so a double design
 * matrix is an integer matrix times a power of two per column. The exact least-squares helper
 * (`exactOls.ts`) works on those integers with BigInt and only divides at the very end.
 */

/** The double v as m·2^e with integer m (BigInt) and integer e. */
export function dyadic(v: number): { m: bigint; e: number } {
  if (!Number.isFinite(v)) throw new Error(`not finite: ${v}`);
  if (v === 0) return { m: 0n, e: 0 };
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, v);
  const hi = buf.getUint32(0);
  const lo = buf.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const expBits = (hi >>> 20) & 0x7ff;
  let mant = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (expBits === 0) e = -1074;
  else {
    mant |= 1n << 52n;
    e = expBits - 1075;
  }
  // Strip trailing zero bits so exponents stay small.
  while (mant !== 0n && (mant & 1n) === 0n) {
    mant >>= 1n;
    e++;
  }
  return { m: sign * mant, e };
}

/** A column of doubles as integers times one common power of two: v_i = ints_i · 2^exp. */
export function integerColumn(values: ArrayLike<number>): { ints: bigint[]; exp: number } {
  const parts = Array.from(values, dyadic);
  let exp = Infinity;
  for (const p of parts) if (p.m !== 0n) exp = Math.min(exp, p.e);
  if (exp === Infinity) exp = 0;
  return { ints: parts.map((p) => (p.m === 0n ? 0n : p.m << BigInt(p.e - exp))), exp };
}

export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** num/den, den > 0, reduced. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;
  constructor(num: bigint, den = 1n) {
    if (den === 0n) throw new Error('division by zero');
    if (den < 0n) {
      num = -num;
      den = -den;
    }
    const g = gcd(num, den);
    this.num = g > 1n ? num / g : num;
    this.den = g > 1n ? den / g : den;
  }
  static of(v: number): Rational {
    const { m, e } = dyadic(v);
    return e >= 0 ? new Rational(m << BigInt(e)) : new Rational(m, 1n << BigInt(-e));
  }
  add(o: Rational): Rational {
    return new Rational(this.num * o.den + o.num * this.den, this.den * o.den);
  }
  sub(o: Rational): Rational {
    return new Rational(this.num * o.den - o.num * this.den, this.den * o.den);
  }
  mul(o: Rational): Rational {
    return new Rational(this.num * o.num, this.den * o.den);
  }
  div(o: Rational): Rational {
    return new Rational(this.num * o.den, this.den * o.num);
  }
  isZero(): boolean {
    return this.num === 0n;
  }
  /** Nearest double to within a relative 2⁻⁶⁰ (far below the tolerances it is used with). */
  toNumber(): number {
    return ratioToNumber(this.num, this.den);
  }
}

/** a/b as a double, to a relative error of about 2⁻⁶⁰ before the final rounding. */
export function ratioToNumber(a: bigint, b: bigint): number {
  if (a === 0n) return 0;
  const neg = (a < 0n) !== (b < 0n);
  if (a < 0n) a = -a;
  if (b < 0n) b = -b;
  // Scale so the integer quotient has about 64 significant bits.
  const shift = 64 - (a.toString(2).length - b.toString(2).length);
  const q = shift >= 0 ? (a << BigInt(shift)) / b : a / (b << BigInt(-shift));
  const v = Number(q) * 2 ** -shift;
  // 2 ** -shift can underflow or overflow for extreme shifts; split it.
  const out = Number.isFinite(v) && v !== 0 ? v : Number(q) * 2 ** (-shift / 2) * 2 ** (-shift / 2);
  return neg ? -out : out;
}

/**
 * Fraction-free (Bareiss) solve of A·X = B for an integer k×k A and k×m B: returns det(A) and the
 * integer matrix det(A)·A⁻¹·B (Cramer: integer, so every division below is exact). No gcds, so
 * thousands of bits stay fast. Throws when A is singular.
 */
export function bareissSolve(a: bigint[][], b: bigint[][]): { det: bigint; x: bigint[][] } {
  const k = a.length;
  const m = b[0]?.length ?? 0;
  const M = a.map((row, i) => [...row, ...b[i]]);
  let prev = 1n;
  let sign = 1n;
  for (let p = 0; p < k; p++) {
    let r = p;
    while (r < k && M[r][p] === 0n) r++;
    if (r === k) throw new Error('singular');
    if (r !== p) {
      [M[p], M[r]] = [M[r], M[p]];
      sign = -sign;
    }
    for (let i = p + 1; i < k; i++) {
      for (let j = p + 1; j < k + m; j++) M[i][j] = (M[i][j] * M[p][p] - M[i][p] * M[p][j]) / prev;
      M[i][p] = 0n;
    }
    prev = M[p][p];
  }
  // Row swaps leave det(A) = sign·prev, and U·X = B' for the eliminated U (upper) and B'.
  const det = sign * prev;
  const x: bigint[][] = Array.from({ length: k }, () => new Array<bigint>(m).fill(0n));
  for (let c = 0; c < m; c++) {
    for (let i = k - 1; i >= 0; i--) {
      let s = det * M[i][k + c];
      for (let j = i + 1; j < k; j++) s -= M[i][j] * x[j][c];
      x[i][c] = s / M[i][i];
    }
  }
  return { det, x };
}

/** bᵀ·A⁻¹·b for an integer symmetric A, as an exact ratio (numerator, denominator). */
export function quadraticFormInverse(a: bigint[][], b: bigint[]): { num: bigint; den: bigint } {
  const { det, x } = bareissSolve(a, b.map((v) => [v]));
  let num = 0n;
  for (let i = 0; i < b.length; i++) num += b[i] * x[i][0];
  return { num, den: det };
}
