/**
 * Point estimates with interval bars (e.g. a coefficient per year with its 95 % CI), drawn as plain
 * SVG like CategoryBars: one Recharts ComposedChart per criterion made opening the stability view
 * one long main-thread task (over the 50 ms budget). The intervals come from the engine; this only draws.
 */
import { memo } from 'react';
import { XAxis, YAxis, type Box } from './Axes';
import { linearScale } from './scale';
import { useWidth } from './useWidth';

export interface EstimatePoint {
  label: string;
  estimate: number;
  low: number;
  high: number;
}

export interface EstimateIntervalsProps {
  points: EstimatePoint[];
  format: (v: number) => string;
  /** Accessible name of the <svg> (the numbers are in the chart's table alternative). */
  label: string;
  color: string;
  height?: number;
}

export const EstimateIntervals = memo(function EstimateIntervals(p: EstimateIntervalsProps) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const height = p.height ?? 240;
  const box: Box = { left: 80, right: width - 24, top: 8, bottom: height - 26 };
  const ends = p.points.flatMap((q) => [q.low, q.high, q.estimate]).filter(Number.isFinite);
  // Zero stays in range: whether the interval crosses zero is what the chart is read for.
  const y = linearScale(Math.min(0, ...ends), Math.max(0, ...ends), box.bottom, box.top, 5);
  const slot = p.points.length ? (box.right - box.left) / p.points.length : 0;
  const x = (i: number) => box.left + (i + 0.5) * slot;
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      <svg width={width} height={height} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
        <YAxis y={y} box={box} format={p.format} />
        <XAxis ticks={p.points.map((q, i) => ({ x: x(i), label: q.label }))} box={box} />
        <g stroke={p.color} fill={p.color}>
          {p.points.map((q, i) =>
            Number.isFinite(q.estimate) ? (
              <g key={i}>
                {Number.isFinite(q.low) && Number.isFinite(q.high) && (
                  <>
                    <line x1={x(i)} x2={x(i)} y1={y(q.low)} y2={y(q.high)} />
                    <line x1={x(i) - 3} x2={x(i) + 3} y1={y(q.low)} y2={y(q.low)} />
                    <line x1={x(i) - 3} x2={x(i) + 3} y1={y(q.high)} y2={y(q.high)} />
                  </>
                )}
                <circle cx={x(i)} cy={y(q.estimate)} r={4}>
                  <title>{`${q.label}: ${p.format(q.estimate)} [${p.format(q.low)}; ${p.format(q.high)}]`}</title>
                </circle>
              </g>
            ) : null,
          )}
        </g>
      </svg>
    </div>
  );
});
