/**
 * Bars for a handful of categories (a histogram, a waterfall), drawn like DenseBars so that no view
 * on the redistribution path pays for Recharts' text measurement. A bar may float (`base`), which is
 * how a waterfall shows each criterion's part starting where the previous one ended.
 */
import { memo } from 'react';
import { XAxis, YAxis, type Box } from './Axes';
import { linearScale } from './scale';
import { useWidth } from './useWidth';

export interface CategoryBar {
  label: string;
  value: number;
  /** Where the bar starts (0 when left out). */
  base?: number;
  color: string;
}

export interface CategoryBarsProps {
  bars: CategoryBar[];
  format: (v: number) => string;
  label: string;
  /** Show every k-th category label (1: all). */
  labelEvery?: number;
  xTitle?: string;
  yTitle?: string;
  height?: number;
  /** Bars stay bar-shaped on wide screens. */
  maxBarWidth?: number;
}

export const CategoryBars = memo(function CategoryBars(p: CategoryBarsProps) {
  const [ref, width] = useWidth<HTMLDivElement>();
  const height = p.height ?? 240;
  const box: Box = { left: p.yTitle ? 84 : 66, right: width - 8, top: 8, bottom: height - (p.xTitle ? 44 : 26) };
  const ends = p.bars.flatMap((b) => [b.base ?? 0, (b.base ?? 0) + b.value]);
  const y = linearScale(Math.min(0, ...ends), Math.max(0, ...ends), box.bottom, box.top, 5);
  const slot = p.bars.length ? (box.right - box.left) / p.bars.length : 0;
  const bw = Math.min(slot * 0.85, p.maxBarWidth ?? Infinity);
  const every = Math.max(1, p.labelEvery ?? 1);
  const ticks = p.bars.flatMap((b, i) => (i % every === 0 ? [{ x: box.left + (i + 0.5) * slot, label: b.label }] : []));
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      <svg width={width} height={height} role="img" aria-label={p.label}>
        <YAxis y={y} box={box} format={p.format} title={p.yTitle} />
        <XAxis ticks={ticks} box={box} title={p.xTitle} />
        {p.bars.map((b, i) => {
          const a = y(b.base ?? 0);
          const e = y((b.base ?? 0) + b.value);
          return (
            <rect key={i} x={box.left + (i + 0.5) * slot - bw / 2} y={Math.min(a, e)} width={bw} height={Math.max(1, Math.abs(a - e))} fill={b.color}>
              <title>{`${b.label}: ${p.format(b.value)}`}</title>
            </rect>
          );
        })}
      </svg>
    </div>
  );
});
