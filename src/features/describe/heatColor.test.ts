import { describe, expect, it } from 'vitest';
import { heatColor, HEAT_TEXT } from './heatColor';

/** WCAG relative luminance and contrast ratio. */
function luminance(rgb: number[]): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}
const parse = (css: string) => (css.match(/\d+/g) ?? []).map(Number);
const hex = (h: string) => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16));

describe('heatColor', () => {
  it('is white at zero and grey when undefined; sign decides the hue', () => {
    expect(heatColor(0).background).toBe('rgb(255, 255, 255)');
    expect(heatColor(NaN).background).toBe('#f2f4f7');
    const [r1, , b1] = parse(heatColor(0.9).background);
    const [r2, , b2] = parse(heatColor(-0.9).background);
    expect(r1).toBeGreaterThan(b1);
    expect(b2).toBeGreaterThan(r2);
  });
  it('keeps text contrast ≥ 4.5:1 at every strength', () => {
    const text = luminance(hex(HEAT_TEXT));
    for (let r = -1; r <= 1.0001; r += 0.05) {
      const bg = luminance(parse(heatColor(r).background));
      expect((bg + 0.05) / (text + 0.05)).toBeGreaterThanOrEqual(4.5);
    }
  });
});
