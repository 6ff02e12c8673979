/** Grid lines, tick labels and axis titles of the hand-drawn SVG charts (plain <line>/<text>). */
import type { Scale } from './scale';

export const AXIS_TEXT = '#333';
export const GRID = '#ccc';
export const FONT = 12;

export interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Horizontal grid lines with labels on the left; a solid line at zero when zero is in range. */
export function YAxis({ y, box, format, title }: { y: Scale; box: Box; format: (v: number) => string; title?: string }) {
  return (
    <g aria-hidden="true">
      {y.ticks.map((t) => (
        <g key={t}>
          <line x1={box.left} x2={box.right} y1={y(t)} y2={y(t)} stroke={t === 0 ? '#333' : GRID} strokeDasharray={t === 0 ? undefined : '3 3'} />
          <text x={box.left - 6} y={y(t)} dy="0.32em" textAnchor="end" fontSize={FONT} fill={AXIS_TEXT}>
            {format(t)}
          </text>
        </g>
      ))}
      {title && (
        <text transform={`translate(12 ${(box.top + box.bottom) / 2}) rotate(-90)`} textAnchor="middle" fontSize={FONT} fill={AXIS_TEXT}>
          {title}
        </text>
      )}
    </g>
  );
}

/** Tick marks and labels under the plot; the title centred below them. */
export function XAxis({ ticks, box, title }: { ticks: { x: number; label: string }[]; box: Box; title?: string }) {
  return (
    <g aria-hidden="true">
      <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} stroke="#666" />
      {ticks.map((t, i) => (
        <g key={i}>
          <line x1={t.x} x2={t.x} y1={box.bottom} y2={box.bottom + 4} stroke="#666" />
          <text x={t.x} y={box.bottom + 6} dy="0.9em" textAnchor="middle" fontSize={FONT} fill={AXIS_TEXT}>
            {t.label}
          </text>
        </g>
      ))}
      {title && (
        <text x={(box.left + box.right) / 2} y={box.bottom + (ticks.length ? 36 : 16)} textAnchor="middle" fontSize={FONT} fill={AXIS_TEXT}>
          {title}
        </text>
      )}
    </g>
  );
}

/** A numeric axis along the bottom (horizontal bars): dashed vertical grid lines at the ticks, labels under them. */
export function ValueXAxis({ x, box, format, title }: { x: Scale; box: Box; format: (v: number) => string; title?: string }) {
  return (
    <g aria-hidden="true">
      <line x1={box.left} x2={box.right} y1={box.bottom} y2={box.bottom} stroke="#666" />
      {x.ticks.map((t) => (
        <g key={t}>
          <line x1={x(t)} x2={x(t)} y1={box.top} y2={box.bottom} stroke={GRID} strokeDasharray="3 3" />
          <text x={x(t)} y={box.bottom + 6} dy="0.9em" textAnchor="middle" fontSize={FONT} fill={AXIS_TEXT}>
            {format(t)}
          </text>
        </g>
      ))}
      {title && (
        <text x={(box.left + box.right) / 2} y={box.bottom + 36} textAnchor="middle" fontSize={FONT} fill={AXIS_TEXT}>
          {title}
        </text>
      )}
    </g>
  );
}
