/**
 * A bar per unit for hundreds of units (the sorted change per inhabitant). Drawn by hand instead of
 * with Recharts: Recharts renders one React component and one <path> per bar and measures tick text
 * through the DOM (a forced layout per label), which made a weight edit cost ~0,5 s and opening the
 * view seconds. Here all gains are one <path>, all losses another, the highlighted unit a <rect>; the
 * paths are rebuilt only when the values or the width change. It stays an <svg> so the chart export
 * (src/charts/exportChart.ts) can pick it up. Screen readers get `label`; the numbers are in the
 * view's table.
 */
import { memo, useMemo } from 'react';
import { HoverSvg, HoverText, useHoverIndex } from './HoverSvg';
import { YAxis, type Box } from './Axes';
import { extent, linearScale } from './scale';
import { useWidth } from './useWidth';

export interface DenseBarsProps {
  /** Values in plotting order (left to right). */
  values: ArrayLike<number>;
  /** Name of the bar at a position (hover read-out). */
  nameAt: (pos: number) => string;
  /** Position of the highlighted bar, or -1. */
  highlight: number;
  colors: { gain: string; loss: string; highlight: string };
  format: (v: number) => string;
  label: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  /** Interval per bar in plotting order (e.g. the bootstrap's 95 % interval), drawn as whiskers. */
  whiskers?: { low: ArrayLike<number>; high: ArrayLike<number> } | null;
}

/** One path of vertical lines at the bar centres, from low to high (the interval whiskers). */
function whiskerPath(low: ArrayLike<number>, high: ArrayLike<number>, x0: number, bw: number, y: (v: number) => number): string {
  let d = '';
  for (let i = 0; i < low.length; i++) {
    if (!Number.isFinite(low[i]) || !Number.isFinite(high[i])) continue;
    const x = Math.round((x0 + (i + 0.5) * bw) * 10) / 10;
    d += `M${x} ${Math.round(y(low[i]) * 10) / 10}V${Math.round(y(high[i]) * 10) / 10}`;
  }
  return d;
}

function lowHigh(values: ArrayLike<number>, w: DenseBarsProps['whiskers']): [number, number] {
  const [lo, hi] = extent(values);
  if (!w) return [lo, hi];
  const [wl] = extent(w.low);
  const [, wh] = extent(w.high);
  return [Math.min(lo, Number.isFinite(wl) ? wl : lo), Math.max(hi, Number.isFinite(wh) ? wh : hi)];
}

function barsPath(values: ArrayLike<number>, sign: 1 | -1, x0: number, bw: number, y: (v: number) => number): string {
  const zero = y(0);
  let d = '';
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || (sign > 0 ? v < 0 : v >= 0)) continue;
    // Round to 0.1 px: shorter strings, same picture.
    const x = Math.round((x0 + i * bw) * 10) / 10;
    const top = Math.round(y(v) * 10) / 10;
    d += `M${x} ${zero}V${top}h${Math.round(bw * 100) / 100}V${zero}Z`;
  }
  return d;
}

export const DenseBars = memo(function DenseBars(p: DenseBarsProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useHoverIndex();
  const height = p.height ?? 320;
  const box: Box = { left: p.yTitle ? 84 : 66, right: width - 8, top: 8, bottom: height - (p.xTitle ? 26 : 8) };
  const n = p.values.length;
  const bw = n > 0 ? (box.right - box.left) / n : 0;
  const drawn = useMemo(() => {
    const [lo, hi] = lowHigh(p.values, p.whiskers);
    const y = linearScale(Math.min(0, lo || 0), Math.max(0, hi || 0), box.bottom, box.top, 5);
    const whiskers = p.whiskers ? whiskerPath(p.whiskers.low, p.whiskers.high, box.left, bw, y) : '';
    return { y, gain: barsPath(p.values, 1, box.left, bw, y), loss: barsPath(p.values, -1, box.left, bw, y), whiskers };
  }, [p.values, p.whiskers, box.bottom, box.top, box.left, bw]);
  const { y } = drawn;
  const bar = (pos: number, fill: string, extra: number) => {
    const v = p.values[pos];
    const top = Math.min(y(v), y(0));
    return <rect x={box.left + pos * bw - extra / 2} y={top} width={Math.max(bw, 1) + extra} height={Math.max(1, Math.abs(y(v) - y(0)))} fill={fill} stroke={fill} strokeWidth={1} />;
  };
  return (
    <HoverSvg
      boxRef={ref}
      width={width}
      height={height}
      label={p.label}
      pick={(x) => {
        const pos = Math.floor((x - box.left) / bw);
        return pos >= 0 && pos < n ? pos : -1;
      }}
      onHover={setHover}
    >
      <YAxis y={y} box={box} format={p.format} title={p.yTitle} />
      <path className="kl-bars" d={drawn.gain} fill={p.colors.gain} />
      <path className="kl-bars" d={drawn.loss} fill={p.colors.loss} />
      {drawn.whiskers && <path className="kl-whiskers" data-testid="bar-whiskers" d={drawn.whiskers} stroke="#333" strokeOpacity={0.55} strokeWidth={Math.max(0.6, Math.min(1.5, bw * 0.4))} fill="none" />}
      {p.highlight >= 0 && p.highlight < n && bar(p.highlight, p.colors.highlight, 4)}
      {p.xTitle && (
        <text x={(box.left + box.right) / 2} y={height - 8} textAnchor="middle" fontSize={12} fill="#333" aria-hidden="true">
          {p.xTitle}
        </text>
      )}
      {hover >= 0 && (
        <g aria-hidden="true" pointerEvents="none">
          {bar(hover, '#000', 0)}
          <HoverText x={box.left + hover * bw} box={box} margin={80}>
            {p.nameAt(hover)}: {p.format(p.values[hover])}
          </HoverText>
        </g>
      )}
    </HoverSvg>
  );
});
