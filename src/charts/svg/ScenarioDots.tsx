/**
 * Several scenarios' change per inhabitant for hundreds of units in one chart: units along x in the
 * order of one chosen scenario (its markers form the rising curve), every scenario a marker shape and
 * colour of its own, so a reader sees where the others part from it. Hand-drawn like DenseScatter (one
 * <path> per scenario), an <svg> for the chart export; screen readers get `label`, numbers are in the
 * table next to it.
 */
import { memo, useMemo } from 'react';
import { HoverSvg, HoverText, useHoverIndex } from './HoverSvg';
import { XAxis, YAxis, type Box } from './Axes';
import { extent, linearScale } from './scale';
import { useWidth } from './useWidth';

export interface ScenarioSeries {
  label: string;
  color: string;
  /** Change per inhabitant by unit position. */
  values: ArrayLike<number>;
}

export interface ScenarioDotsProps {
  /** Unit positions in plot order. */
  order: ArrayLike<number>;
  series: ScenarioSeries[];
  nameAt: (unit: number) => string;
  /** Unit position of the user's municipality, or −1 (a vertical line marks it). */
  highlight: number;
  format: (v: number) => string;
  label: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
}

const R = 2.6;
/** Marker shapes by series (circle, square, triangle, diamond, cross): colour is not the only cue. */
const SHAPES = [
  (x: number, y: number) => `M${x - R} ${y}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`,
  (x: number, y: number) => `M${x - R} ${y - R}h${2 * R}v${2 * R}h${-2 * R}Z`,
  (x: number, y: number) => `M${x} ${y - R - 0.6}l${R + 0.6} ${2 * R}h${-2 * R - 1.2}Z`,
  (x: number, y: number) => `M${x} ${y - R - 0.8}l${R + 0.8} ${R + 0.8}l${-R - 0.8} ${R + 0.8}l${-R - 0.8} ${-R - 0.8}Z`,
  (x: number, y: number) => `M${x - R} ${y - R}l${2 * R} ${2 * R}M${x + R} ${y - R}l${-2 * R} ${2 * R}`,
];

/** The marker of series `k` (for the legend, drawn at the origin of a small svg). */
export function markerPath(k: number, x: number, y: number): string {
  return SHAPES[k % SHAPES.length](x, y);
}
export const isStrokeMarker = (k: number) => k % SHAPES.length === 4;

export const ScenarioDots = memo(function ScenarioDots(p: ScenarioDotsProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useHoverIndex();
  const height = p.height ?? 320;
  const box: Box = { left: p.yTitle ? 84 : 66, right: width - 12, top: 8, bottom: height - (p.xTitle ? 44 : 26) };
  const n = p.order.length;
  const drawn = useMemo(() => {
    const all: number[] = [];
    for (const s of p.series) for (let q = 0; q < n; q++) all.push(s.values[p.order[q]]);
    const [y0, y1] = extent(all.filter(Number.isFinite));
    const sy = linearScale(Math.min(0, y0 || 0), Math.max(0, y1 || 0), box.bottom, box.top, 5);
    const step = n > 1 ? (box.right - box.left) / (n - 1) : 0;
    const xAt = (q: number) => Math.round((box.left + q * step) * 10) / 10;
    const paths = p.series.map((s, k) => {
      let d = '';
      for (let q = 0; q < n; q++) {
        const v = s.values[p.order[q]];
        if (Number.isFinite(v)) d += markerPath(k, xAt(q), Math.round(sy(v) * 10) / 10);
      }
      return d;
    });
    return { sy, paths, step, xAt };
  }, [p.series, p.order, n, box.left, box.right, box.top, box.bottom]);
  const { sy, xAt } = drawn;
  let mineAt = -1;
  for (let q = 0; q < n; q++) if (p.order[q] === p.highlight) mineAt = q;
  const ticks = [0, Math.round((n - 1) / 2), n - 1].filter((q, i, a) => q >= 0 && a.indexOf(q) === i).map((q) => ({ x: xAt(q), label: String(q + 1) }));
  const hoverUnit = hover >= 0 ? p.order[hover] : -1;
  return (
    <HoverSvg
      boxRef={ref}
      width={width}
      height={height}
      label={p.label}
      pick={(x) => {
        const q = drawn.step > 0 ? Math.round((x - box.left) / drawn.step) : 0;
        return q >= 0 && q < n ? q : -1;
      }}
      onHover={setHover}
    >
      <YAxis y={sy} box={box} format={p.format} title={p.yTitle} />
      <XAxis ticks={ticks} box={box} title={p.xTitle} />
      {mineAt >= 0 && <line x1={xAt(mineAt)} x2={xAt(mineAt)} y1={box.top} y2={box.bottom} stroke="#1a3b8f" strokeWidth={2} strokeDasharray="4 3" />}
      {drawn.paths.map((d, k) =>
        isStrokeMarker(k) ? (
          <path key={k} d={d} fill="none" stroke={p.series[k].color} strokeWidth={1.3} />
        ) : (
          <path key={k} d={d} fill={p.series[k].color} fillOpacity={0.8} />
        ),
      )}
      {hoverUnit >= 0 && (
        <g aria-hidden="true" pointerEvents="none">
          <line x1={xAt(hover)} x2={xAt(hover)} y1={box.top} y2={box.bottom} stroke="#000" strokeWidth={1} />
          <HoverText x={xAt(hover)} box={box} margin={160}>
            {p.nameAt(hoverUnit)}: {p.series.map((s) => `${s.label} ${p.format(s.values[hoverUnit])}`).join(' · ')}
          </HoverText>
        </g>
      )}
    </HoverSvg>
  );
});
