/**
 * Axis tick as plain SVG <text>. Recharts' default tick is a <Text> that measures every word through
 * a hidden DOM span, and together with the automatic label thinning (interval "preserveEnd") that is
 * one forced style recalculation per label. On this page every recalculation is document-wide (the
 * Designsystemet stylesheet's :has() rules), so a chart with a few dozen labels blocked the main thread
 * for seconds. Used through `axisProps` in theme.ts together with `interval: 0`.
 */
import { chartFont } from './theme';

interface TickProps {
  x?: number | string;
  y?: number | string;
  index?: number;
  payload?: { value: number | string };
  textAnchor?: 'inherit' | 'end' | 'start' | 'middle';
  orientation?: string;
  tickFormatter?: (value: never, index: number) => string;
}

/** Long category names are shortened on the axis; the full name is in the <title> and the table. */
const MAX_CHARS = 30;

export function PlainTick(p: TickProps) {
  if (!p.payload) return null;
  const raw = p.payload.value;
  const text = String(p.tickFormatter ? p.tickFormatter(raw as never, p.index ?? 0) : raw);
  const shown = text.length > MAX_CHARS ? `${text.slice(0, MAX_CHARS - 1)}…` : text;
  const vertical = p.orientation === 'left' || p.orientation === 'right';
  return (
    <text x={p.x} y={p.y} dy={vertical ? '0.32em' : '0.9em'} textAnchor={p.textAnchor ?? 'middle'} fontSize={chartFont.fontSize} fill={chartFont.fill}>
      {shown !== text && <title>{text}</title>}
      {shown}
    </text>
  );
}
