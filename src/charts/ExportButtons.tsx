/**
 * Drop-in export buttons for a table and/or a chart:
 *   <ExportButtons fileBase="vekter" tables={() => [myReportTable]} />
 *   <ExportButtons fileBase="omfordeling" chartRef={ref} chart={{ title, xLabel, yLabel, source }} />
 * Tables go to xlsx / CSV / clipboard, charts to PNG (2×) / SVG. Built lazily on click, so views do
 * not pay for exports nobody asks for.
 */
import { Button } from '@digdir/designsystemet-react';
import { useState, type RefObject } from 'react';
import { useLanguage } from '../i18n/useLanguage';
import type { Language } from '../i18n/language';
import { useStrings } from '../i18n/useStrings';
import { useAnalysisStore, selectIsSynthetic, selectSyntheticShare } from '../store/analysisStore';
import { useUiStore } from '../store/uiStore';
import type { ReportTable } from '../export/reportTable';
import { tableToCsv } from '../export/csv';
import { copyTable } from '../export/clipboard';
import { tablesToXlsx } from '../export/xlsx';
import { describeSpec } from '../export/describeSpec';
import { sourceLine } from '../export/sourceLine';
import { downloadBytes, MIME, safeFileBase } from '../export/download';
import { buildChartSvg, chartToPng, findChartSvg, type ChartExportInfo } from './exportChart';

const strings = {
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

export interface ExportButtonsProps {
  fileBase: string;
  /** Tables to export (called on click) in the given language: the screen's for xlsx and the
   *  clipboard, the chosen CSV style's for CSV (nb: Norwegian headers, `;`, decimal comma). */
  tables?: (lang: Language) => ReportTable[];
  /** Element containing the chart's <svg> (e.g. the ChartFrame's figure). */
  chartRef?: RefObject<Element | null>;
  /** Title, axis labels and units of the chart; `source` defaults to the data's source line. */
  chart?: Omit<ChartExportInfo, 'lang' | 'synthetic'> & { synthetic?: boolean };
  testId?: string;
}

export function ExportButtons(props: ExportButtonsProps) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const demo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const csvStyle = useUiStore((st) => st.csvStyle);
  const [status, setStatus] = useState('');
  const base = safeFileBase(props.fileBase);

  const guard = (f: () => Promise<void> | void) => async () => {
    try {
      setStatus('');
      await f();
    } catch {
      setStatus(s.failed);
    }
  };
  const withSynthetic = (ts: ReportTable[]) =>
    ts.map((t) => ({ ...t, synthetic: t.synthetic || demo, syntheticShare: t.syntheticShare ?? share }));
  // The spec is read on click, not subscribed to: a weight edit must not re-render every chart's buttons.
  const spec = () => useAnalysisStore.getState().spec;
  const info = (): ChartExportInfo => ({
    ...props.chart!,
    source: props.chart?.source ?? sourceLine(spec(), lang),
    synthetic: props.chart?.synthetic ?? demo,
    syntheticShare: share,
    lang,
  });
  const isChart = Boolean(props.chartRef && props.chart);

  return (
    <div
      role="group"
      aria-label={`${s.group}: ${props.fileBase}`}
      className="kl-export-buttons"
      data-testid={props.testId}
      data-chart-export={isChart ? props.chart!.title : undefined}
      style={{ display: 'flex', gap: 8, flexWrap: 'wrap', alignItems: 'center' }}
    >
      {props.tables && (
        <>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={guard(async () =>
              downloadBytes(
                await tablesToXlsx(withSynthetic(props.tables!(lang)), {
                  lang,
                  description: describeSpec(spec(), lang),
                }),
                `${base}.xlsx`,
                MIME.xlsx,
              ),
            )}
          >
            {s.xlsx}
          </Button>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={guard(() => {
              const ts = withSynthetic(props.tables!(csvStyle));
              const text = ts
                .map((t) => tableToCsv(t, { style: csvStyle, bom: false }))
                .join('\r\n');
              downloadBytes('\uFEFF' + text, `${base}.csv`, MIME.csv);
            })}
          >
            {s.csv}
          </Button>
          <Button
            variant="tertiary"
            data-size="sm"
            onClick={guard(async () => {
              const [t] = withSynthetic(props.tables!(lang));
              setStatus(t && (await copyTable(t, lang)) ? s.copied : s.copyFailed);
            })}
          >
            {s.copy}
          </Button>
        </>
      )}
      {props.chartRef && props.chart && (
        <>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={guard(async () => {
              const svg = findChartSvg(props.chartRef!.current);
              if (!svg) throw new Error('no chart');
              downloadBytes(await chartToPng(svg, info()), `${base}.png`, MIME.png);
            })}
          >
            {s.png}
          </Button>
          <Button
            variant="secondary"
            data-size="sm"
            onClick={guard(() => {
              const svg = findChartSvg(props.chartRef!.current);
              if (!svg) throw new Error('no chart');
              downloadBytes(buildChartSvg(svg, info()).text, `${base}.svg`, MIME.svg);
            })}
          >
            {s.svg}
          </Button>
        </>
      )}
      <span role="status" aria-live="polite" style={{ fontSize: '0.875rem' }}>
        {status}
      </span>
    </div>
  );
}
