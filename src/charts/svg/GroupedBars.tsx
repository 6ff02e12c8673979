/**
 * Grouped bars (one group per category, one bar per series, e.g. size class × year), drawn as plain
 * SVG like CategoryBars: Recharts' BarChart measured every tick and legend text on mount, which made
 * opening the describe view one long main-thread task (over the 50 ms budget). The legend is drawn inside
 * the <svg>, so an exported SVG is complete on its own.
 */
import { memo } from 'react';
import { AXIS_TEXT, FONT, XAxis, YAxis, type Box } from './Axes';
import { linearScale } from './scale';
import { useWidth } from './useWidth';

export interface BarSeries {
  name: string;
  color: string;
  /** One value per group, in the order of `groups`; null leaves a gap. */
  values: (number | null)[];
}

export interface GroupedBarsProps {
  groups: string[];
  series: BarSeries[];
  format: (v: number) => string;
  /** Accessible name of the <svg> (the numbers are in the chart's table alternative). */
  label: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
}

const LEGEND_ROW = 18;
const SWATCH = 10;

/** Legend items laid out left to right, wrapping to new rows when the width runs out. */
function legendLayout(names: string[], width: number, left: number): { x: number; row: number }[] {
  // Without text measurement: a generous per-character width keeps items from overlapping.
  const itemWidth = (n: string) => SWATCH + 6 + n.length * FONT * 0.62 + 14;
  let x = left;
  let row = 0;
  return names.map((n) => {
    const w = itemWidth(n);
    if (x + w > width && x > left) {
      x = left;
      row++;
    }
    const at = { x, row };
    x += w;
    return at;
  });
}

export const GroupedBars = memo(function GroupedBars(p: GroupedBarsProps) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const height = p.height ?? 320;
  const left = p.yTitle ? 84 : 66;
  const legend = legendLayout(
    p.series.map((s) => s.name),
    width - 8,
    left,
  );
  const legendRows = legend.length ? legend[legend.length - 1].row + 1 : 0;
  const box: Box = { left, right: width - 8, top: 8, bottom: height - (p.xTitle ? 44 : 26) - legendRows * LEGEND_ROW - 6 };
  const values = p.series.flatMap((s) => s.values.filter((v): v is number => v !== null && Number.isFinite(v)));
  const y = linearScale(Math.min(0, ...values), Math.max(0, ...values), box.bottom, box.top, 5);
  const slot = p.groups.length ? (box.right - box.left) / p.groups.length : 0;
  // Bars fill 80 % of a group's slot, with a small gap between neighbours.
  const bw = p.series.length ? Math.max(1, (slot * 0.8) / p.series.length - 1) : 0;
  const groupStart = (g: number) => box.left + g * slot + slot * 0.1;
  const ticks = p.groups.map((label, g) => ({ x: box.left + (g + 0.5) * slot, label }));
  const legendTop = height - legendRows * LEGEND_ROW;
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      <svg width={width} height={height} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
        <YAxis y={y} box={box} format={p.format} title={p.yTitle} />
        <XAxis ticks={ticks} box={box} title={p.xTitle} />
        {p.series.map((s, k) => (
          <g key={s.name} fill={s.color}>
            {s.values.map((v, g) => {
              if (v === null || !Number.isFinite(v)) return null;
              const a = y(0);
              const e = y(v);
              return (
                <rect key={g} x={groupStart(g) + k * (bw + 1)} y={Math.min(a, e)} width={bw} height={Math.max(1, Math.abs(a - e))}>
                  <title>{`${p.groups[g]}, ${s.name}: ${p.format(v)}`}</title>
                </rect>
              );
            })}
          </g>
        ))}
        <g aria-hidden="true">
          {p.series.map((s, k) => {
            const at = legend[k];
            const ty = legendTop + at.row * LEGEND_ROW + LEGEND_ROW / 2;
            return (
              <g key={s.name}>
                <rect x={at.x} y={ty - SWATCH / 2} width={SWATCH} height={SWATCH} fill={s.color} />
                <text x={at.x + SWATCH + 6} y={ty} dy="0.32em" fontSize={FONT} fill={AXIS_TEXT}>
                  {s.name}
                </text>
              </g>
            );
          })}
        </g>
      </svg>
    </div>
  );
});
