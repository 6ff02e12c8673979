/**
 * One horizontal bar per category, names on the left (e.g. each criterion's share of R²), drawn as
 * plain SVG like CategoryBars: Recharts' vertical BarChart mounted one component per bar, tick and
 * grid line and re-rendered them through its internal store in the same commit, which made opening
 * the explained-variance view one long main-thread task (over the 50 ms budget). Long names are shortened
 * by an estimated width (no DOM text measurement); the full name is in the <title>.
 */
import { memo } from 'react';
import { AXIS_TEXT, FONT, ValueXAxis, type Box } from './Axes';
import { linearScale } from './scale';
import { useWidth } from './useWidth';

export interface HorizontalBar {
  label: string;
  value: number;
}

export interface HorizontalBarsProps {
  bars: HorizontalBar[];
  /** Tick labels of the value axis. */
  format: (v: number) => string;
  /** A bar's value in its hover read-out (default: `format`), e.g. with more digits than the ticks. */
  formatValue?: (v: number) => string;
  /** Accessible name of the <svg> (the numbers are in the chart's table alternative). */
  label: string;
  color: string;
  /** Room for the category names, in px (at most 35 % of the width). */
  labelWidth?: number;
  xTitle?: string;
  height?: number;
}

/** Average glyph width of the axis font, generous so shortened names never overrun the plot. */
const CHAR_WIDTH = FONT * 0.58;

/** `text` cut to about `width` px with an ellipsis; unchanged when it fits. */
export function fitLabel(text: string, width: number): string {
  const max = Math.max(4, Math.floor(width / CHAR_WIDTH));
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export const HorizontalBars = memo(function HorizontalBars(p: HorizontalBarsProps) {
  const [ref, width] = useWidth<HTMLDivElement>(640);
  const height = p.height ?? 240;
  // On narrow screens the names give way, so the bars keep most of the width.
  const labelWidth = Math.min(p.labelWidth ?? 240, Math.round(width * 0.35));
  const box: Box = { left: labelWidth + 12, right: width - 24, top: 8, bottom: height - (p.xTitle ? 44 : 26) };
  const values = p.bars.map((b) => b.value).filter(Number.isFinite);
  // About one tick per 80 px, so the labels never run into each other on a narrow screen.
  const tickCount = Math.max(1, Math.min(5, Math.floor((box.right - box.left) / 80)));
  const x = linearScale(Math.min(0, ...values), Math.max(0, ...values), box.left, box.right, tickCount);
  const band = p.bars.length ? (box.bottom - box.top) / p.bars.length : 0;
  // Bars fill 80 % of their band, like Recharts' default category gap.
  const bh = band * 0.8;
  const zero = x(0);
  const formatValue = p.formatValue ?? p.format;
  return (
    <div ref={ref} style={{ width: '100%', height }}>
      <svg width={width} height={height} role="img" aria-label={p.label} xmlns="http://www.w3.org/2000/svg">
        <ValueXAxis x={x} box={box} format={p.format} title={p.xTitle} />
        <g aria-hidden="true">
          {p.bars.map((b, i) => {
            const shown = fitLabel(b.label, labelWidth);
            return (
              <text key={i} x={box.left - 8} y={box.top + (i + 0.5) * band} dy="0.32em" textAnchor="end" fontSize={FONT} fill={AXIS_TEXT}>
                {shown !== b.label && <title>{b.label}</title>}
                {shown}
              </text>
            );
          })}
        </g>
        <g fill={p.color}>
          {p.bars.map((b, i) =>
            Number.isFinite(b.value) ? (
              <rect key={i} x={Math.min(zero, x(b.value))} y={box.top + i * band + (band - bh) / 2} width={Math.max(1, Math.abs(x(b.value) - zero))} height={bh}>
                <title>{`${b.label}: ${formatValue(b.value)}`}</title>
              </rect>
            ) : null,
          )}
        </g>
        <line x1={zero} x2={zero} y1={box.top} y2={box.bottom} stroke="#666" aria-hidden="true" />
      </svg>
    </div>
  );
});
