/**
 * Drop-in export buttons for tables:
 *   <ExportButtons fileBase="vekter" tables={(lang) => [myReportTable]} />
 * Tables go to xlsx / CSV / clipboard, built lazily on click, so views do not pay for exports nobody
 * asks for. Charts export through charts/ChartExportButtons (PNG, SVG); this one adds what only a view
 * may read: the spec (for the description sheet) and the chosen CSV style.
 */
import { Button } from '@digdir/designsystemet-react';
import { useContext, useEffect } from 'react';
import { createPortal } from 'react-dom';
import type { Language } from '../i18n/language';
import { useLanguage } from '../i18n/useLanguage';
import { useAnalysisStore, selectIsSynthetic, selectSyntheticShare } from '../store/analysisStore';
import { useUiStore } from '../store/uiStore';
import type { ReportTable } from '../export/reportTable';
import { tableToCsv } from '../export/csv';
import { copyTable } from '../export/clipboard';
import { tablesToXlsx } from '../export/xlsx';
import { describeSpec } from '../export/describeSpec';
import { downloadBytes, MIME, safeFileBase } from '../export/download';
import { ExportStatus, exportGroupStyle, useExportStatus } from '../charts/ChartExportButtons';
import { AddSlideButton } from './present/AddSlideButton';
import { SlideFocusContext, type SlideFocus } from './present/slideFocus';
import { ReportTableView } from './share/ReportTableView';
import { slideTable } from './present/slideTable';

export interface ExportButtonsProps {
  fileBase: string;
  /** Tables to export (called on click) in the given language: the screen's for xlsx and the
   *  clipboard, the chosen CSV style's for CSV (nb: Norwegian headers, `;`, decimal comma). */
  tables: (lang: Language) => ReportTable[];
  testId?: string;
  /** Offer «Legg til som lysbilde» (needs testId, which names the slide); default true. */
  slide?: boolean;
}

export function ExportButtons(props: ExportButtonsProps) {
  const focus = useContext(SlideFocusContext);
  if (focus && props.testId === focus.key) return <TableOnSlide tables={props.tables} focus={focus} />;
  return <TableExportButtons {...props} />;
}

/** On a table slide: the first report table of these exports, drawn into the slide, large. */
function TableOnSlide({ tables, focus }: { tables: ExportButtonsProps['tables']; focus: SlideFocus }) {
  const lang = useLanguage();
  const demo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const [first] = tables(lang);
  const title = first?.title ?? '';
  useEffect(() => focus.onTitle(title), [focus, title]);
  if (!first) return null;
  const table = slideTable({ ...first, synthetic: first.synthetic || demo, syntheticShare: first.syntheticShare ?? share }, lang);
  return createPortal(<ReportTableView table={table} large />, focus.target);
}

function TableExportButtons(props: ExportButtonsProps) {
  const lang = useLanguage();
  const demo = useAnalysisStore(selectIsSynthetic);
  const share = useAnalysisStore(selectSyntheticShare);
  const csvStyle = useUiStore((st) => st.csvStyle);
  const { s, status, setStatus, guard } = useExportStatus();
  const base = safeFileBase(props.fileBase);
  const withSynthetic = (ts: ReportTable[]) =>
    ts.map((t) => ({ ...t, synthetic: t.synthetic || demo, syntheticShare: t.syntheticShare ?? share }));
  // The spec is read on click, not subscribed to: a weight edit must not re-render every table's buttons.
  const spec = () => useAnalysisStore.getState().spec;

  return (
    <div
      role="group"
      aria-label={`${s.group}: ${props.fileBase}`}
      className="kl-export-buttons"
      data-testid={props.testId}
      style={exportGroupStyle}
    >
      <Button
        variant="secondary"
        data-size="sm"
        onClick={guard(async () =>
          downloadBytes(
            await tablesToXlsx(withSynthetic(props.tables(lang)), {
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
          const ts = withSynthetic(props.tables(csvStyle));
          const text = ts.map((t) => tableToCsv(t, { style: csvStyle, bom: false })).join('\r\n');
          downloadBytes('\uFEFF' + text, `${base}.csv`, MIME.csv);
        })}
      >
        {s.csv}
      </Button>
      <Button
        variant="tertiary"
        data-size="sm"
        onClick={guard(async () => {
          const [t] = withSynthetic(props.tables(lang));
          setStatus(t && (await copyTable(t, lang)) ? s.copied : s.copyFailed);
        })}
      >
        {s.copy}
      </Button>
      {props.testId && props.slide !== false && <AddSlideButton kind="table" slideKey={props.testId} title={props.fileBase} />}
      <ExportStatus status={status} />
    </div>
  );
}
