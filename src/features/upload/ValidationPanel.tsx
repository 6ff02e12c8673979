/** The validation report of the import, per file plus outliers (flagged, never removed). */
import { Details, Heading, Paragraph, Table } from '@digdir/designsystemet-react';
import { formatInteger, formatNumber, formatSignificant } from '../../i18n/format';
import type { Language } from '../../i18n/language';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import type { SourceValidation, ValidationReport } from '../../ingest/types';
import { describeDropped, droppedStrings } from './droppedStrings';
import { strings } from './strings';

function list(xs: string[], lang: Language, max = 30): string {
  return xs.length === 0 ? '' : xs.slice(0, max).join(', ') + (xs.length > max ? ` … (${formatInteger(xs.length, lang)})` : '');
}

function SourceChecks({ v }: { v: SourceValidation }) {
  const s = useStrings(strings);
  const ds = useStrings(droppedStrings);
  const lang = useLanguage();
  const dropped = v.dropped ?? [];
  const cells = (xs: SourceValidation['nonNumeric']) => xs.slice(0, 10).map((c) => `«${c.text}» (${c.line > 0 ? `${s.line} ${c.line}, ` : ''}${s.column} ${c.column})`).join('; ');
  const items: [string, string, number][] = [
    [ds.dropped, dropped.map((x) => describeDropped(x, ds, lang)).join('; '), dropped.reduce((a, x) => a + x.count, 0)],
    [s.duplicates, v.duplicates.map((d) => `${d.unit} ${d.year} ${d.variable}${d.lines[0] ? ` (${s.line} ${d.lines[0]})` : ''}`).join('; '), v.nDuplicates],
    [s.nonNumeric, cells(v.nonNumeric), v.nNonNumeric],
    [ds.outOfRange, cells(v.outOfRange ?? []), v.nOutOfRange ?? 0],
    [s.missingUnits, list(v.unitsMissingHere, lang), v.unitsMissingHere.length],
    [s.missingYears, v.missingYears.join(', '), v.missingYears.length],
    [s.aggregates, list(v.aggregates.map((a) => a.label || a.code), lang), v.aggregates.length],
    [s.unmatched, list(v.unmatchedCodes, lang), v.unmatchedCodes.length],
  ];
  return (
    <Details data-size="sm" data-testid="validation-file" data-file={v.file}>
      <Details.Summary>
        {v.file} – {items.filter((i) => i[2] > 0).length === 0 ? s.none : items.filter((i) => i[2] > 0).map((i) => `${i[0]}: ${formatInteger(i[2], lang)}`).join(' · ')}
      </Details.Summary>
      <Details.Content>
        <ul>
          {items.map(([label, text, n]) => (
            <li key={label}>
              {label}: {n === 0 ? s.none : `${formatInteger(n, lang)}${text ? ` – ${text}` : ''}`}
            </li>
          ))}
        </ul>
      </Details.Content>
    </Details>
  );
}

export function ValidationPanel({ report }: { report: ValidationReport }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  return (
    <section aria-labelledby="kl-validation-title" className="kl-validation" data-testid="validation">
      <Heading level={3} data-size="sm" id="kl-validation-title">
        {s.validation}
      </Heading>
      {report.sources.map((v) => (
        <SourceChecks key={v.id + v.file} v={v} />
      ))}
      <Paragraph data-size="sm">
        {s.outliers}: {report.nOutliers}
      </Paragraph>
      {report.outliers.length > 0 && (
        <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.outliers}>
          <Table data-size="sm" zebra data-testid="outlier-table">
            <caption className="kl-visually-hidden">{s.outliers}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s.colName}</Table.HeaderCell>
                <Table.HeaderCell>{s.colUnits}</Table.HeaderCell>
                <Table.HeaderCell>{s.colYears}</Table.HeaderCell>
                <Table.HeaderCell>{s.value}</Table.HeaderCell>
                <Table.HeaderCell>z</Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.outliers.slice(0, 50).map((o) => (
                <Table.Row key={`${o.variable}-${o.unit}-${o.year}`}>
                  <Table.Cell>{o.variable}</Table.Cell>
                  <Table.Cell>{o.unit}</Table.Cell>
                  <Table.Cell>{o.year}</Table.Cell>
                  <Table.Cell>{formatSignificant(o.value, lang, 6)}</Table.Cell>
                  <Table.Cell>{formatNumber(o.robustZ, lang, 1)}</Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </section>
  );
}
