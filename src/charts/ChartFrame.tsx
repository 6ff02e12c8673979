/**
 * The shared frame for every chart: title, axis labels, source line, the "syntetiske data" note when
 * the demo is loaded, and a text alternative (a table) for screen readers and for checking figures.
 *
 *   <ChartFrame title="…" yLabel="kr per innbygger" source="KOSTRA" alt={{ columns, rows }}>
 *     <HorizontalBars bars={…} … />
 *   </ChartFrame>
 */
import { Details, Table } from '@digdir/designsystemet-react';
import { useId, useRef, type ReactElement, type ReactNode } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import { SyntheticNote, useSynthetic } from './SyntheticNote';
import { ChartExportButtons } from './ChartExportButtons';

export interface ChartAlt {
  caption?: string;
  columns: string[];
  /** Cells already formatted for display (use src/i18n/format.ts). */
  rows: (string | number)[][];
}

export interface ChartFrameProps {
  title: string;
  subtitle?: string;
  xLabel?: string;
  yLabel?: string;
  /** e.g. "SSB, KOSTRA" — the demo note is added automatically. Exports fall back to the data's
   *  source line (files, SSB tables and fetch dates) when left out. */
  source?: string;
  /** Overrides the shell's synthetic-data flag (e.g. for exported snapshots). */
  synthetic?: boolean;
  height?: number;
  /** The text alternative: a table of the plotted numbers, or any node. */
  alt: ChartAlt | ReactNode;
  /** One chart of src/charts/svg: it fills the frame's width and measures it itself (useWidth). */
  children: ReactElement;
  testId?: string;
  /** Names the chart for «Legg til som lysbilde» (stable across languages); defaults to testId. */
  slideKey?: string;
}

const text = {
  nb: {
    source: 'Kilde',
    table: 'Vis tallene som tabell',
    y: 'Loddrett akse',
    x: 'Vannrett akse',
  },
  en: {
    source: 'Source',
    table: 'Show the figures as a table',
    y: 'Vertical axis',
    x: 'Horizontal axis',
  },
};

function isAlt(a: unknown): a is ChartAlt {
  return typeof a === 'object' && a !== null && 'columns' in a && 'rows' in a;
}

export function ChartFrame(props: ChartFrameProps) {
  const lang = useLanguage();
  const t = text[lang];
  const fromShell = useSynthetic().synthetic;
  const synthetic = props.synthetic ?? fromShell;
  const titleId = useId();
  const figureRef = useRef<HTMLElement>(null);
  const { alt } = props;
  return (
    <figure ref={figureRef} className="kl-chart" aria-labelledby={titleId} data-testid={props.testId}>
      <p className="kl-chart-title" id={titleId}>
        {props.title}
      </p>
      {props.subtitle && <p className="kl-chart-subtitle">{props.subtitle}</p>}
      {props.yLabel && (
        <div className="kl-chart-axis">
          <span className="kl-visually-hidden">{t.y}: </span>
          {props.yLabel}
        </div>
      )}
      <div className="kl-chart-body" style={{ height: props.height ?? 320 }}>
        {props.children}
      </div>
      {props.xLabel && (
        <div className="kl-chart-axis" style={{ textAlign: 'center' }}>
          <span className="kl-visually-hidden">{t.x}: </span>
          {props.xLabel}
        </div>
      )}
      <figcaption className="kl-chart-caption">
        {props.source && (
          <span>
            {t.source}: {props.source}
          </span>
        )}
        <SyntheticNote synthetic={synthetic} />
      </figcaption>
      <ChartExportButtons
        fileBase={props.title}
        chartRef={figureRef}
        slideKey={props.slideKey ?? props.testId}
        chart={{ title: props.title, subtitle: props.subtitle, xLabel: props.xLabel, yLabel: props.yLabel, source: props.source, synthetic: props.synthetic }}
      />
      <Details className="kl-chart-alt" data-size="sm">
        <Details.Summary>{t.table}</Details.Summary>
        <Details.Content>{isAlt(alt) ? <AltTable alt={alt} /> : (alt as ReactNode)}</Details.Content>
      </Details>
    </figure>
  );
}

function AltTable({ alt }: { alt: ChartAlt }) {
  return (
    <Table data-size="sm" zebra>
      {alt.caption && <caption>{alt.caption}</caption>}
      <thead>
        <tr>
          {alt.columns.map((c) => (
            <th key={c} scope="col">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {alt.rows.map((r, i) => (
          <tr key={i}>
            {r.map((cell, j) => (
              <td key={j} className={typeof cell === 'number' ? 'kl-num' : undefined}>
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
