/**
 * One imported file: status, what was detected (encoding, delimiter, layout, header line) with
 * overrides, its problems in plain Norwegian, and the mapping step. Overrides re-read the saved
 * bytes in the worker (reimportSource) so the spec always describes how the file was read.
 */
import { Button, Card, Checkbox, Details, Field, Heading, Label, Paragraph, Select } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Problem } from '../../engine/problem';
import { GroupedProblemList } from '../../app/problems/GroupedProblemList';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import type { SourceValidation } from '../../ingest/types';
import type { SourceSpec } from '../../spec/sections/data';
import { reimportSource, removeSource } from '../../store/actions';
import { useAnalysisStore } from '../../store/analysisStore';
import { MappingEditor } from './MappingEditor';
import { TimeAndHeaderControls } from './TimeAndHeaderControls';
import { strings } from './strings';
import { SsbProvenance } from './ssb/SsbProvenance';

const ENCODINGS = ['utf-8', 'windows-1252', 'macintosh', 'utf-16le'];
const DELIMITERS: [string, string][] = [
  [';', ';'],
  [',', ','],
  ['\t', 'TAB'],
];

function delimiterName(d: string | null | undefined): string {
  return d === '\t' ? 'TAB' : (d ?? '–');
}

export function FileCard({ source, report, problems }: { source: SourceSpec; report?: SourceValidation; problems: Problem[] }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const changeTableId = useAnalysisStore((st) => st.spec.data.changeTableSourceId);
  const updateSpec = useAnalysisStore((st) => st.updateSpec);
  const detected = report?.detected;
  const statusText = report?.status === 'error' ? s.statusError : report?.status === 'cancelled' ? s.statusCancelled : s.statusOk;
  const reread = (patch: Partial<SourceSpec>) => void reimportSource({ ...source, ...patch });
  const isChangeTable = source.role === 'change-table';
  // The mapping form is built when the user first opens it (a wide file has thousands of columns).
  const [mappingOpened, setMappingOpened] = useState(false);
  const domId = `kl-src-${source.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;

  return (
    <Card data-testid="file-card" data-file={source.fileName} data-status={report?.status ?? 'pending'} className="kl-file-card">
      <Heading level={4} data-size="xs">
        {source.fileName}
      </Heading>
      <Paragraph data-size="sm" data-testid="file-summary">
        {s.status}: {statusText}
        {report && (
          <>
            {' · '}
            {s.format}: {detected?.format ?? source.format}
            {detected?.encoding && ` · ${s.encoding}: ${detected.encoding}`}
            {detected?.delimiter !== undefined && ` · ${s.delimiter}: ${delimiterName(detected.delimiter)}`}
            {detected?.layout && ` · ${s.layout}: ${detected.layout === 'wide' ? s.wide : s.long}`}
            {detected?.headerLine ? ` · ${s.headerLine}: ${detected.headerLine}` : detected?.headerless ? ` · ${s.headerLine}: ${s.none}` : ''}
            {` · ${formatInteger(report.nUnits, lang)} ${s.units} · ${formatInteger(report.nRows, lang)} ${s.rows} · ${formatInteger(report.variables.length, lang)} ${s.variables}`}
          </>
        )}
      </Paragraph>
      {source.ssb && <SsbProvenance p={source.ssb} />}
      <GroupedProblemList problems={problems} heading={s.problems} testId="file-problems" />
      <TimeAndHeaderControls source={source} detected={detected} domId={domId} reread={reread} />

      {source.format === 'csv' && (
        <div className="kl-overrides">
          <Field>
            <Label htmlFor={`${domId}-enc`}>{s.encoding}</Label>
            <Select id={`${domId}-enc`} value={source.encoding ?? ''} onChange={(e) => reread({ encoding: e.target.value || null })}>
              <option value="">{`${s.auto}${detected?.encoding ? ` (${detected.encoding})` : ''}`}</option>
              {ENCODINGS.map((e) => (
                <option key={e} value={e}>
                  {e}
                </option>
              ))}
            </Select>
          </Field>
          <Field>
            <Label htmlFor={`${domId}-delim`}>{s.delimiter}</Label>
            <Select id={`${domId}-delim`} value={source.delimiter ?? ''} onChange={(e) => reread({ delimiter: e.target.value || null, mapping: null })}>
              <option value="">{s.auto}</option>
              {DELIMITERS.map(([v, label]) => (
                <option key={label} value={v}>
                  {label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      )}
      {source.format === 'xlsx' && detected?.sheets && detected.sheets.length > 1 && (
        <Field>
          <Label htmlFor={`${domId}-sheet`}>Ark / sheet</Label>
          <Select id={`${domId}-sheet`} value={source.sheet ?? ''} onChange={(e) => reread({ sheet: e.target.value || null, mapping: null, headerLine: null })}>
            {detected.sheets.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </Select>
        </Field>
      )}
      <Checkbox
        label={s.role}
        checked={isChangeTable}
        onChange={(e) => {
          const on = e.target.checked;
          updateSpec((d) => {
            d.data.changeTableSourceId = on ? source.id : changeTableId === source.id ? null : d.data.changeTableSourceId;
          });
          reread({ role: on ? 'change-table' : 'data' });
        }}
      />

      {report && report.headers.length > 0 && !isChangeTable && (
        <Details
          data-size="sm"
          data-testid="mapping-step"
          onToggle={(e) => {
            if ((e.target as HTMLDetailsElement).open) setMappingOpened(true);
          }}
        >
          <Details.Summary>{s.mapping}</Details.Summary>
          {/* Mounted once opened, also for a file that gave no variables: forty code lists uploaded at
              once built forty mapping forms (some 100 fields each), and Chromium's autofill then
              styled and laid them out in one task of over 400 ms. */}
          <Details.Content>
            {mappingOpened && <MappingEditor source={source} report={report} onApply={(mapping) => reread({ mapping })} />}
          </Details.Content>
        </Details>
      )}
      <Button variant="tertiary" data-size="sm" onClick={() => void removeSource(source.id)} aria-label={`${s.remove}: ${source.fileName}`}>
        {s.remove}
      </Button>
    </Card>
  );
}
