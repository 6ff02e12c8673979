/**
 * Grid-line generators for Recharts' <CartesianGrid>. Its default generator thins the lines with the
 * axis' text-measuring tick logic (the axis `interval` does not reach it), which forces one style
 * recalculation per label — 20 ms each on this page. These put a line at every nice tick of the
 * numeric axis, which is what the axis itself shows with `interval: 0` (src/charts/theme.ts).
 * Belongs in src/charts; kept here until that folder's owner takes it.
 */
interface GridAxis {
  scale?: { map(value: unknown): unknown };
  ticks?: readonly unknown[];
  niceTicks?: readonly unknown[];
}

function coordinates(axis: GridAxis | undefined): number[] {
  const values = axis?.ticks ?? axis?.niceTicks;
  if (!axis?.scale || !values) return [];
  const out: number[] = [];
  for (const v of values) {
    const c = axis.scale.map(v);
    if (typeof c === 'number' && Number.isFinite(c)) out.push(c);
  }
  return out;
}

/** Spread into <CartesianGrid>: `<CartesianGrid {...gridAtTicks} vertical={false} />`. */
export const gridAtTicks = {
  horizontalCoordinatesGenerator: (p: { yAxis?: GridAxis }) => coordinates(p.yAxis),
  verticalCoordinatesGenerator: (p: { xAxis?: GridAxis }) => coordinates(p.xAxis),
};
