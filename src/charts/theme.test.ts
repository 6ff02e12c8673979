import { describe, expect, it } from 'vitest';
import { yearColor } from './theme';

const rgb = (c: string) => [1, 3, 5].map((k) => parseInt(c.slice(k, k + 2), 16));
const dist = (a: string, b: string) => Math.hypot(...rgb(a).map((x, j) => x - rgb(b)[j]));
const luminance = (c: string) => rgb(c).reduce((s, x, j) => s + [0.2126, 0.7152, 0.0722][j] * (x / 255) ** 2.2, 0);

describe('yearColor', () => {
  it('gives 12 years 12 clearly different colours, dark to light in year order', () => {
    const cs = Array.from({ length: 12 }, (_, i) => yearColor(i, 12));
    expect(new Set(cs).size).toBe(12);
    for (let i = 0; i < 12; i++) for (let j = i + 1; j < 12; j++) expect(dist(cs[i], cs[j])).toBeGreaterThan(15);
    for (let i = 1; i < 12; i++) expect(luminance(cs[i])).toBeGreaterThan(luminance(cs[i - 1]));
  });
  it('never reaches the pale end that vanishes on white', () => {
    expect(luminance(yearColor(11, 12))).toBeLessThan(0.7);
  });
});
