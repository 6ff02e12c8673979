/**
 * PNG (2×) and SVG export of one chart:
 *   <ChartExportButtons fileBase="omfordeling" chartRef={ref} chart={{ title, xLabel, yLabel, source }} />
 * Charts render their props and contexts, never the store: the synthetic-data status comes from
 * SyntheticContext and the default «Kilde» line from ChartSourceContext, both provided by the app
 * shell. Table exports (xlsx, CSV, clipboard) are features/ExportButtons, which reuses the strings and
 * the status handling here.
 */
import { Button } from '@digdir/designsystemet-react';
import { createContext, useContext, useEffect, useState, type RefObject } from 'react';
import type { Language } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { useStrings } from '../i18n/useStrings';
import { downloadBytes, MIME, safeFileBase } from '../export/download';
import { buildChartSvg, chartToPng, findChartSvg, type ChartExportInfo } from './exportChart';
import { useSynthetic } from './SyntheticNote';
import { SLIDE_KEY_ATTR, SLIDE_TITLE_ATTR, SlideSlotContext } from './slideSlot';

export const exportButtonStrings = {
  nb: {
    xlsx: 'Excel',
    csv: 'CSV',
    copy: 'Kopier tabell',
    copied: 'Kopiert',
    copyFailed: 'Kunne ikke kopiere',
    png: 'PNG',
    svg: 'SVG',
    group: 'Eksporter',
    failed: 'Eksporten feilet',
  },
  en: {
    xlsx: 'Excel',
    csv: 'CSV',
    copy: 'Copy table',
    copied: 'Copied',
    copyFailed: 'Could not copy',
    png: 'PNG',
    svg: 'SVG',
    group: 'Export',
    failed: 'Export failed',
  },
};

/** The data's source line (files, SSB tables with fetch dates), read when a chart is exported. */
export const ChartSourceContext = createContext<(lang: Language) => string>(() => 'Kostnadsnøkkel-lab');

/** A status line and a wrapper that turns a failed export into «Eksporten feilet» instead of a crash. */
export function useExportStatus() {
  const s = useStrings(exportButtonStrings);
  const [status, setStatus] = useState('');
  const guard = (f: () => Promise<void> | void) => async () => {
    try {
      setStatus('');
      await f();
    } catch {
      setStatus(s.failed);
    }
  };
  return { s, status, setStatus, guard };
}

export function ExportStatus({ status }: { status: string }) {
  return (
    <span role="status" aria-live="polite" style={{ fontSize: '0.875rem' }}>
      {status}
    </span>
  );
}

export const exportGroupStyle = { display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' } as const;

export interface ChartExportButtonsProps {
  fileBase: string;
  /** Element containing the chart's <svg> (e.g. the ChartFrame's figure). */
  chartRef: RefObject<Element | null>;
  /** Title, axis labels and units of the chart; `source` defaults to the data's source line. */
  chart: Omit<ChartExportInfo, 'lang' | 'synthetic'> & { synthetic?: boolean };
  testId?: string;
  /** Stable name of the chart within its view (e.g. its test id): offers «Legg til som lysbilde». */
  slideKey?: string;
}

export function ChartExportButtons(props: ChartExportButtonsProps) {
  const lang = useLanguage();
  const { synthetic, share } = useSynthetic();
  // Read on click: a weight edit must not re-render every chart's buttons.
  const source = useContext(ChartSourceContext);
  const { s, status, guard } = useExportStatus();
  const base = safeFileBase(props.fileBase);
  const info = (): ChartExportInfo => ({
    ...props.chart,
    source: props.chart.source ?? source(lang),
    synthetic: props.chart.synthetic ?? synthetic,
    syntheticShare: share,
    lang,
  });
  const SlideSlot = useContext(SlideSlotContext);
  // The figure names itself, so a slide can show this chart alone among its view's content.
  useEffect(() => {
    const el = props.chartRef.current;
    if (!el || !props.slideKey) return;
    el.setAttribute(SLIDE_KEY_ATTR, props.slideKey);
    el.setAttribute(SLIDE_TITLE_ATTR, props.chart.title);
  }, [props.chartRef, props.slideKey, props.chart.title]);
  const svg = () => {
    const el = findChartSvg(props.chartRef.current);
    if (!el) throw new Error('no chart');
    return el;
  };

  return (
    <div
      role="group"
      aria-label={`${s.group}: ${props.fileBase}`}
      className="kl-export-buttons"
      data-testid={props.testId}
      data-chart-export={props.chart.title}
      style={exportGroupStyle}
    >
      <Button
        variant="secondary"
        data-size="sm"
        onClick={guard(async () => downloadBytes(await chartToPng(svg(), info()), `${base}.png`, MIME.png))}
      >
        {s.png}
      </Button>
      <Button
        variant="secondary"
        data-size="sm"
        onClick={guard(() => downloadBytes(buildChartSvg(svg(), info()).text, `${base}.svg`, MIME.svg))}
      >
        {s.svg}
      </Button>
      {SlideSlot && props.slideKey && <SlideSlot kind="chart" slideKey={props.slideKey} title={props.chart.title} />}
      <ExportStatus status={status} />
    </div>
  );
}
