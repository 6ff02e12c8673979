/**
 * A point per unit for hundreds of units (change against population). Hand-drawn for the same reason
 * as DenseBars: Recharts draws one React component per point and measures every tick label through
 * the DOM. All ordinary points are one <path> of small circles; the highlighted unit is a diamond on
 * top. Stays an <svg> for the chart export; screen readers get `label`, the numbers are in the table.
 */
import { memo, useMemo } from 'react';
import { HoverSvg, HoverText, useHoverIndex } from './HoverSvg';
import { XAxis, YAxis, type Box } from './Axes';
import { extent, linearScale, logScale } from './scale';
import { useWidth } from './useWidth';

export interface DenseScatterProps {
  x: ArrayLike<number>;
  y: ArrayLike<number>;
  /** Log10 x axis (x must be > 0; other points are left out). */
  xLog?: boolean;
  nameAt: (i: number) => string;
  highlight: number;
  colors: { point: string; highlight: string };
  formatX: (v: number) => string;
  formatY: (v: number) => string;
  label: string;
  xTitle?: string;
  yTitle?: string;
  height?: number;
}

const R = 2.5;

export const DenseScatter = memo(function DenseScatter(p: DenseScatterProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const [hover, setHover] = useHoverIndex();
  const height = p.height ?? 300;
  const box: Box = { left: p.yTitle ? 84 : 66, right: width - 12, top: 8, bottom: height - (p.xTitle ? 44 : 26) };
  const drawn = useMemo(() => {
    const ok = (i: number) => Number.isFinite(p.x[i]) && Number.isFinite(p.y[i]) && (!p.xLog || p.x[i] > 0);
    const xs: number[] = [];
    const ys: number[] = [];
    for (let i = 0; i < p.x.length; i++) {
      if (!ok(i)) continue;
      xs.push(p.x[i]);
      ys.push(p.y[i]);
    }
    const [x0, x1] = extent(xs);
    const [y0, y1] = extent(ys);
    const sx = p.xLog ? logScale(x0 || 1, x1 || 10, box.left, box.right) : linearScale(x0, x1, box.left, box.right, 6);
    const sy = linearScale(Math.min(0, y0 || 0), Math.max(0, y1 || 0), box.bottom, box.top, 5);
    let d = '';
    const px = new Float64Array(p.x.length).fill(NaN);
    const py = new Float64Array(p.x.length).fill(NaN);
    for (let i = 0; i < p.x.length; i++) {
      if (!ok(i)) continue;
      px[i] = Math.round(sx(p.x[i]) * 10) / 10;
      py[i] = Math.round(sy(p.y[i]) * 10) / 10;
      if (i !== p.highlight) d += `M${px[i] - R} ${py[i]}a${R} ${R} 0 1 0 ${2 * R} 0a${R} ${R} 0 1 0 ${-2 * R} 0`;
    }
    return { sx, sy, d, px, py };
  }, [p.x, p.y, p.xLog, p.highlight, box.left, box.right, box.top, box.bottom]);
  const { sx, sy, px, py } = drawn;
  const diamond = (i: number, r: number) => `M${px[i]} ${py[i] - r}l${r} ${r}l${-r} ${r}l${-r} ${-r}Z`;
  return (
    <HoverSvg
      boxRef={ref}
      width={width}
      height={height}
      label={p.label}
      pick={(mx, my) => {
        let best = -1;
        let bestD = 100; // within 10 px
        for (let i = 0; i < px.length; i++) {
          const dd = (px[i] - mx) ** 2 + (py[i] - my) ** 2;
          if (dd < bestD) {
            best = i;
            bestD = dd;
          }
        }
        return best;
      }}
      onHover={setHover}
    >
      <YAxis y={sy} box={box} format={p.formatY} title={p.yTitle} />
      <XAxis ticks={sx.ticks.map((t) => ({ x: sx(t), label: p.formatX(t) }))} box={box} title={p.xTitle} />
      <path d={drawn.d} fill={p.colors.point} fillOpacity={0.75} />
      {p.highlight >= 0 && Number.isFinite(px[p.highlight]) && <path d={diamond(p.highlight, 7)} fill={p.colors.highlight} stroke="#fff" strokeWidth={1.5} />}
      {hover >= 0 && (
        <g aria-hidden="true" pointerEvents="none">
          <circle cx={px[hover]} cy={py[hover]} r={R + 2} fill="none" stroke="#000" strokeWidth={1.5} />
          <HoverText x={px[hover]} box={box} margin={100}>
            {p.nameAt(hover)}: {p.formatX(p.x[hover])}; {p.formatY(p.y[hover])}
          </HoverText>
        </g>
      )}
    </HoverSvg>
  );
});
