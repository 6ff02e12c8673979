/**
 * Seeded random numbers for the demo generator. mulberry32 is tiny, fast and gives the same
 * sequence on every machine (pure 32-bit integer arithmetic), which is what makes the demo files
 * byte-identical across runs. Math.random is never used.
 */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Standard normal (Box–Muller; the second value is cached). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** An independent stream for one sub-task, so adding draws in one place does not shift the others. */
  fork(label: string): Rng;
}

/** Uniform [0, 1) stream; also used by the benches for their synthetic inputs. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a: turns a label into a 32-bit number for forking streams. */
export function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

export function createRng(seed: number): Rng {
  const u = mulberry32(seed);
  let spare: number | null = null;
  const rng: Rng = {
    next: u,
    normal() {
      if (spare !== null) {
        const s = spare;
        spare = null;
        return s;
      }
      // 1 - u() keeps the argument of log strictly positive.
      const r = Math.sqrt(-2 * Math.log(1 - u()));
      const th = 2 * Math.PI * u();
      spare = r * Math.sin(th);
      return r * Math.cos(th);
    },
    int(n) {
      return Math.floor(u() * n);
    },
    fork(label) {
      return createRng((hash32(label) ^ Math.imul(seed, 0x9e3779b1)) >>> 0);
    },
  };
  return rng;
}

/**
 * A count with mean n·p: exact Bernoulli sum for small n, normal approximation otherwise. Counts in
 * small municipalities are therefore genuinely noisy, as registry counts are.
 */
export function binomial(rng: Rng, n: number, p: number): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (n < 60) {
    let k = 0;
    for (let i = 0; i < n; i++) if (rng.next() < p) k++;
    return k;
  }
  const mean = n * p;
  const sd = Math.sqrt(mean * (1 - p));
  return Math.min(n, Math.max(0, Math.round(mean + sd * rng.normal())));
}

/** A Poisson-like count (normal approximation above mean 30, exact inversion below). */
export function poisson(rng: Rng, mean: number): number {
  if (mean <= 0) return 0;
  if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * rng.normal()));
  const l = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > l) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Fisher–Yates shuffle in place. */
export function shuffle<T>(rng: Rng, xs: T[]): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}

/** Inverse standard normal CDF (Acklam's rational approximation, |error| < 1.2e-9). */
export function normalQuantile(p: number): number {
  const a = [-39.69683028665376, 220.9460984245205, -275.928510446969, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const pl = 0.02425;
  if (p < pl) {
    const q = Math.sqrt(-2 * Math.log(p));
    return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  }
  if (p > 1 - pl) return -normalQuantile(1 - p);
  const q = p - 0.5;
  const r = q * q;
  return ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
}
