/**
 * Every municipality's change per inhabitant as sorted bars, the user's own municipality highlighted,
 * with a caption and a text alternative. Shared by «Omfordeling» (one sub-key) and «Samlet nøkkel»
 * (the total key), so both read the same way.
 */
import { SyntheticNote } from '../SyntheticNote';
import { useMemo, useRef, type CSSProperties } from 'react';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { DenseBars } from './DenseBars';
import { ChartExportButtons } from '../ChartExportButtons';

/** Visually hidden but read by screen readers: the text alternative of a chart. */
export const srOnly: CSSProperties = { position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)', whiteSpace: 'nowrap' };

export const CHANGE_COLORS = { gain: '#1e7d34', loss: '#b3261e', highlight: '#1a3b8f' };

export interface SortedChangeFigureProps {
  /** Units in plot order (the engine's sort, smallest change first). */
  order: Int32Array;
  /** Change per inhabitant by unit position. */
  perCapita: ArrayLike<number>;
  names: readonly string[];
  /** Position of the user's municipality among the units, or −1. */
  mineIndex: number;
  title: string;
  description(n: number, mineText: string): string;
  mineIs(name: string, value: string): string;
  xTitle: string;
  yTitle: string;
  height?: number;
  testId: string;
  className?: string;
  titleClassName?: string;
  /** Extra attributes on the figure (e.g. the key it shows, for tests and the bench). */
  dataKey?: string;
  descTestId?: string;
  mineTestId?: string;
  mineClassName?: string;
  /** Interval of each unit's change per inhabitant by unit position (drawn as whiskers), or null. */
  intervals?: { low: ArrayLike<number>; high: ArrayLike<number> } | null;
  /** Shown under the chart when intervals are drawn (what they are: level, replications, seed). */
  intervalNote?: string;
}

export function SortedChangeFigure(p: SortedChangeFigureProps) {
  const lang = useLanguage();
  // Reordering into plot order is layout (the engine already sorted).
  const values = useMemo(() => Array.from(p.order, (i) => p.perCapita[i]), [p.order, p.perCapita]);
  const { intervals } = p;
  const whiskers = useMemo(
    () => (intervals ? { low: Array.from(p.order, (i) => intervals.low[i]), high: Array.from(p.order, (i) => intervals.high[i]) } : null),
    [p.order, intervals],
  );
  const pos = p.mineIndex >= 0 ? p.order.indexOf(p.mineIndex) : -1;
  const mineText = p.mineIndex >= 0 ? p.mineIs(p.names[p.mineIndex], formatInteger(p.perCapita[p.mineIndex], lang)) : '';
  const fmt = useMemo(() => (v: number) => formatInteger(v, lang), [lang]);
  const { names, order } = p;
  const nameAt = useMemo(() => (q: number) => names[order[q]], [names, order]);
  const desc = p.description(values.length, mineText);
  const figureRef = useRef<HTMLElement>(null);
  return (
    <figure ref={figureRef} className={p.className ?? 'kl-chart'} data-testid={p.testId} data-key={p.dataKey}>
      <figcaption className={p.titleClassName}>{p.title}</figcaption>
      <p style={srOnly} data-testid={p.descTestId}>
        {desc}
      </p>
      <DenseBars
        values={values}
        nameAt={nameAt}
        highlight={pos}
        colors={CHANGE_COLORS}
        format={fmt}
        label={desc}
        xTitle={p.xTitle}
        yTitle={p.yTitle}
        height={p.height}
        whiskers={whiskers}
      />
      {whiskers && p.intervalNote && (
        <p className="kl-chart-note" data-testid={`${p.testId}-interval-note`}>
          {p.intervalNote}
        </p>
      )}
      {p.mineIndex >= 0 && (
        <p data-testid={p.mineTestId} className={p.mineClassName}>
          {mineText.trim()}
        </p>
      )}
      <SyntheticNote />
      {/* The axis titles are drawn inside the SVG, so the export adds only title, source and note. */}
      <ChartExportButtons slideKey={p.testId} fileBase={p.title} chartRef={figureRef} chart={{ title: p.title, subtitle: mineText.trim() || undefined }} />
    </figure>
  );
}
