/**
 * Colour of a correlation cell: blue for negative, red for positive, white at zero, the strength as
 * saturation. Saturation stops at 55 % so the dark cell text keeps ≥ 4.5:1 contrast on every cell
 * (WCAG 1.4.3); the number in the cell, not the colour, carries the value.
 */
const NEG = [0, 98, 186]; // #0062ba
const POS = [192, 38, 45]; // #c0262d
const MAX_MIX = 0.55;
export const HEAT_TEXT = '#1e2b3c';

export function heatColor(r: number): { background: string; color: string } {
  if (!Number.isFinite(r)) return { background: '#f2f4f7', color: HEAT_TEXT };
  const t = Math.min(1, Math.abs(r)) * MAX_MIX;
  const base = r < 0 ? NEG : POS;
  const mix = base.map((c) => Math.round(255 + (c - 255) * t));
  return { background: `rgb(${mix.join(', ')})`, color: HEAT_TEXT };
}
