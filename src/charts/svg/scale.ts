/**
 * Axis arithmetic for the hand-drawn SVG charts: "nice" tick values and value → pixel maps. This is
 * layout, not statistics (no data are summarised here).
 */

/** Round ticks (1, 2 or 5 × 10^k) covering [lo, hi], about `count` of them. */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return [];
  if (lo === hi) {
    const pad = Math.abs(lo) || 1;
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
  if (out[0] > lo) out.unshift(out[0] - step);
  if (out[out.length - 1] < hi) out.push(out[out.length - 1] + step);
  return out;
}

/** Ticks for a log10 axis: 1, 2, 5 × 10^k inside [lo, hi] (both > 0), thinned to about 8. */
export function logTicks(lo: number, hi: number): number[] {
  if (!(lo > 0) || !(hi > 0)) return [];
  const out: number[] = [];
  for (let k = Math.floor(Math.log10(lo)); k <= Math.ceil(Math.log10(hi)); k++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** k;
      if (v >= lo && v <= hi) out.push(v);
    }
  }
  return out.length > 8 ? out.filter((v) => /^1/.test(String(v))) : out;
}

export interface Scale {
  (v: number): number;
  ticks: number[];
}

/** Linear map of the (nice-extended) data range onto [p0, p1] pixels. */
export function linearScale(lo: number, hi: number, p0: number, p1: number, count = 5): Scale {
  const ticks = niceTicks(lo, hi, count);
  const d0 = ticks[0] ?? lo;
  const d1 = ticks[ticks.length - 1] ?? hi;
  const k = d1 === d0 ? 0 : (p1 - p0) / (d1 - d0);
  const f = ((v: number) => p0 + (v - d0) * k) as Scale;
  f.ticks = ticks;
  return f;
}

/** Log10 map of [lo, hi] (> 0) onto [p0, p1] pixels. */
export function logScale(lo: number, hi: number, p0: number, p1: number): Scale {
  const a = Math.log10(lo);
  const b = Math.log10(hi);
  const k = b === a ? 0 : (p1 - p0) / (b - a);
  const f = ((v: number) => p0 + (Math.log10(v) - a) * k) as Scale;
  f.ticks = logTicks(lo, hi);
  return f;
}

/** Smallest and largest finite value (NaN, NaN when there is none). */
export function extent(values: ArrayLike<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [NaN, NaN];
}
