/**
 * A municipality's index as a horizontal waterfall: it starts at 1 (the national average), each
 * criterion moves it left or right from where the previous one ended, and a total bar from 1 to the
 * index closes it. A dashed line marks 1 all the way down. Horizontal so that long criterion names fit
 * on the left without overlapping (the vertical version's axis labels ran into each other); the value
 * of each step is written next to its bar.
 */
import { memo } from 'react';
import { AXIS_TEXT, FONT, ValueXAxis, type Box } from './Axes';
import { linearScale } from './scale';
import { useWidth } from './useWidth';
import { fitLabel } from './HorizontalBars';

export interface WaterfallStep {
  label: string;
  /** Change of the index (w·(r − 1)). */
  value: number;
}

export interface IndexWaterfallProps {
  steps: WaterfallStep[];
  /** The end point (the index); drawn as the total bar from 1. */
  total: number;
  totalLabel: string;
  startLabel: string;
  /** Value labels and axis ticks. */
  format: (v: number) => string;
  formatStep: (v: number) => string;
  label: string;
  xTitle?: string;
  /** Height of one bar's band. */
  band?: number;
}

const UP = '#1a3b8f';
const DOWN = '#b3261e';
const TOTAL = '#3d3d3d';

export const IndexWaterfall = memo(function IndexWaterfall(p: IndexWaterfallProps) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const band = p.band ?? 26;
  const rows = p.steps.length + 2;
  const height = rows * band + 8 + (p.xTitle ? 44 : 26);
  const labelWidth = Math.min(260, Math.round(width * 0.35));
  const box: Box = { left: labelWidth + 12, right: width - 70, top: 8, bottom: 8 + rows * band };
  let acc = 1;
  const walk = p.steps.map((s) => {
    const from = acc;
    acc += s.value;
    return { ...s, from, to: acc };
  });
  const ends = [1, p.total, ...walk.flatMap((w) => [w.from, w.to])].filter(Number.isFinite);
  const lo = Math.min(...ends);
  const hi = Math.max(...ends);
  const pad = Math.max((hi - lo) * 0.08, 0.01);
  const tickCount = Math.max(2, Math.min(6, Math.floor((box.right - box.left) / 90)));
  const x = linearScale(lo - pad, hi + pad, box.left, box.right, tickCount);
  const bh = band * 0.7;
  const y = (i: number) => box.top + i * band + (band - bh) / 2;
  const one = x(1);
  // Values sit in a column of their own right of the plot, so they never run into a bar or a name.
  const valueX = box.right + 10;
  const bar = (i: number, a: number, b: number, fill: string, text: string, title: string) => {
    const x0 = Math.min(x(a), x(b));
    const w = Math.max(1.5, Math.abs(x(b) - x(a)));
    return (
      <g key={i}>
        <rect x={x0} y={y(i)} width={w} height={bh} fill={fill}>
          <title>{title}</title>
        </rect>
        <text x={valueX} y={y(i) + bh / 2} dy="0.32em" textAnchor="start" fontSize={FONT} fill={AXIS_TEXT} fontWeight={fill === TOTAL ? 700 : 400}>
          {text}
        </text>
      </g>
    );
  };
  const names = [p.startLabel, ...p.steps.map((s) => s.label), p.totalLabel];
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
        <ValueXAxis x={x} box={box} format={p.format} title={p.xTitle} />
        <g aria-hidden="true">
          {names.map((n, i) => {
            const shown = fitLabel(n, labelWidth);
            return (
              <text key={i} x={box.left - 8} y={y(i) + bh / 2} dy="0.32em" textAnchor="end" fontSize={FONT} fill={AXIS_TEXT} fontWeight={i === 0 || i === names.length - 1 ? 700 : 400}>
                {shown !== n && <title>{n}</title>}
                {shown}
              </text>
            );
          })}
        </g>
        {/* The start: a marker at 1, the national average. */}
        <g>
          <rect x={one - 1.5} y={y(0)} width={3} height={bh} fill={TOTAL} />
          <text x={valueX} y={y(0) + bh / 2} dy="0.32em" fontSize={FONT} fill={AXIS_TEXT} fontWeight={700}>
            {p.format(1)}
          </text>
        </g>
        {walk.map((w, i) => bar(i + 1, w.from, w.to, w.value >= 0 ? UP : DOWN, p.formatStep(w.value), `${w.label}: ${p.formatStep(w.value)}`))}
        {bar(rows - 1, 1, p.total, TOTAL, p.format(p.total), `${p.totalLabel}: ${p.format(p.total)}`)}
        {/* Connectors: each step starts where the previous ended. */}
        <g stroke="#888" strokeWidth={1} aria-hidden="true">
          {walk.map((w, i) => (
            <line key={i} x1={x(w.from)} x2={x(w.from)} y1={y(i) + bh} y2={y(i + 1)} />
          ))}
          <line x1={x(acc)} x2={x(acc)} y1={y(rows - 2) + bh} y2={y(rows - 1)} />
        </g>
        <line x1={one} x2={one} y1={box.top} y2={box.bottom} stroke="#333" strokeDasharray="5 3" strokeWidth={1.5} aria-hidden="true" data-testid="waterfall-one-line" />
      </svg>
    </div>
  );
});
