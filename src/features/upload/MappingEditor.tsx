/**
 * The mapping step: which column is the municipality, the year, the values and the dimensions,
 * with a preview of the first rows and of the variables the file became. "Apply" stores the
 * mapping in the spec and re-reads the file with it, so the same file imports the same way later
 * (also from the CLI: `analyze -- import --spec`).
 * A wide file's columns are shown one page at a time, with a search over all of them (columnPage.ts).
 */
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import type { SourceValidation } from '../../ingest/types';
import type { ColumnMapping, SourceSpec } from '../../spec/sections/data';
import { COLUMN_PAGE, columnPage } from './columnPage';
import { strings } from './strings';

const pageStrings = {
  nb: {
    find: 'Finn kolonne',
    shown: (n: string, of: string) => `Viser ${n} av ${of} kolonner. Søk for å finne de andre.`,
    more: (n: string) => `Vis ${n} flere kolonner`,
    chosen: (n: string) => `${n} valgt`,
  },
  en: {
    find: 'Find column',
    shown: (n: string, of: string) => `Showing ${n} of ${of} columns. Search to find the others.`,
    more: (n: string) => `Show ${n} more columns`,
    chosen: (n: string) => `${n} chosen`,
  },
};

function initial(source: SourceSpec, headers: string[]): ColumnMapping {
  return (
    source.mapping ?? {
      unitColumn: headers[0] ?? null,
      yearColumn: null,
      valueColumns: [],
      dimensionColumns: [],
      layout: 'long',
      fixedYear: null,
      variablePrefix: '',
    }
  );
}

export function MappingEditor({ source, report, onApply }: { source: SourceSpec; report: SourceValidation; onApply(m: ColumnMapping): void }) {
  const s = useStrings(strings);
  const p = useStrings(pageStrings);
  const lang = useLanguage();
  const headers = report.headers;
  const [m, setM] = useState<ColumnMapping>(() => initial(source, headers));
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(COLUMN_PAGE);
  // The chosen municipality and year columns stay among the options whatever the page shows.
  const page = useMemo(
    () => columnPage(headers, query, limit, new Set([m.unitColumn, m.yearColumn].filter((c): c is string => c !== null))),
    [headers, query, limit, m.unitColumn, m.yearColumn],
  );
  const shown = page.shown.map((i) => headers[i]);
  const paged = headers.length > COLUMN_PAGE;
  const id = `kl-map-${source.id.replace(/[^a-zA-Z0-9_-]/g, '_')}`;
  const toggle = (key: 'valueColumns' | 'dimensionColumns', h: string, on: boolean) =>
    setM((x) => {
      const other = key === 'valueColumns' ? 'dimensionColumns' : 'valueColumns';
      return {
        ...x,
        [key]: on ? [...x[key].filter((c) => c !== h), h] : x[key].filter((c) => c !== h),
        [other]: on ? x[other].filter((c) => c !== h) : x[other],
      };
    });

  return (
    <div className="kl-mapping">
      <div className="kl-mapping-row">
        <Field>
          <Label htmlFor={`${id}-unit`}>{s.unitColumn}</Label>
          <Select id={`${id}-unit`} data-testid="map-unit" value={m.unitColumn ?? ''} onChange={(e) => setM({ ...m, unitColumn: e.target.value || null })}>
            <option value="">{s.noneOption}</option>
            {shown.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </Select>
        </Field>
        <Field>
          <Label htmlFor={`${id}-year`}>{s.yearColumn}</Label>
          <Select id={`${id}-year`} data-testid="map-year" value={m.yearColumn ?? ''} onChange={(e) => setM({ ...m, yearColumn: e.target.value || null })}>
            <option value="">{s.noneOption}</option>
            {shown.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </Select>
        </Field>
        <Textfield
          label={s.fixedYear}
          type="number"
          data-size="sm"
          value={m.fixedYear === null ? '' : String(m.fixedYear)}
          onChange={(e) => {
            const y = Number(e.target.value);
            setM({ ...m, fixedYear: e.target.value && Number.isInteger(y) ? y : null });
          }}
        />
        <Field>
          <Label htmlFor={`${id}-layout`}>{s.layout}</Label>
          <Select id={`${id}-layout`} value={m.layout} onChange={(e) => setM({ ...m, layout: e.target.value as ColumnMapping['layout'] })}>
            <option value="long">{s.long}</option>
            <option value="wide">{s.wide}</option>
          </Select>
        </Field>
        <Textfield label={s.prefix} data-size="sm" value={m.variablePrefix} onChange={(e) => setM({ ...m, variablePrefix: e.target.value })} />
      </div>
      {paged && (
        <div className="kl-mapping-row" data-testid="mapping-columns">
          <Textfield
            label={p.find}
            data-size="sm"
            value={query}
            data-testid="mapping-column-search"
            onChange={(e) => {
              setQuery(e.target.value);
              setLimit(COLUMN_PAGE);
            }}
          />
          <Paragraph data-size="sm" data-testid="mapping-columns-shown">
            {p.shown(formatInteger(Math.min(limit, page.matches), lang), formatInteger(page.matches, lang))}
          </Paragraph>
        </div>
      )}
      <div className="kl-mapping-row">
        <Fieldset data-size="sm">
          <Fieldset.Legend>
            {s.valueColumns}
            {paged ? ` (${p.chosen(formatInteger(m.valueColumns.length, lang))})` : ''}
          </Fieldset.Legend>
          {shown.map((h) => (
            <Checkbox key={h} label={h} checked={m.valueColumns.includes(h)} onChange={(e) => toggle('valueColumns', h, e.target.checked)} />
          ))}
        </Fieldset>
        <Fieldset data-size="sm">
          <Fieldset.Legend>
            {s.dimensionColumns}
            {paged ? ` (${p.chosen(formatInteger(m.dimensionColumns.length, lang))})` : ''}
          </Fieldset.Legend>
          {shown.map((h) => (
            <Checkbox key={h} label={h} checked={m.dimensionColumns.includes(h)} onChange={(e) => toggle('dimensionColumns', h, e.target.checked)} />
          ))}
        </Fieldset>
      </div>
      {page.matches > limit && (
        <Button variant="secondary" data-size="sm" data-testid="mapping-more" onClick={() => setLimit((l) => l + COLUMN_PAGE)}>
          {p.more(formatInteger(Math.min(COLUMN_PAGE, page.matches - limit), lang))}
        </Button>
      )}
      <Button data-size="sm" data-testid="apply-mapping" onClick={() => onApply(m)}>
        {s.apply}
      </Button>

      {report.preview.length > 0 && (
        <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.preview}>
          <Table data-size="sm" zebra data-testid="preview-table">
            <caption>{s.preview}</caption>
            <Table.Head>
              <Table.Row>
                {page.shown.map((j) => (
                  <Table.HeaderCell key={headers[j]}>{headers[j]}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.preview.map((row, i) => (
                <Table.Row key={i}>
                  {page.shown.map((j) => (
                    <Table.Cell key={headers[j]}>{row[j] ?? ''}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph data-size="sm" data-testid="resulting-variables">
        {s.resulting}: {report.variables.slice(0, 12).map((v) => v.name).join(', ')}
        {report.variables.length > 12 ? ` … (${formatInteger(report.variables.length, lang)})` : ''}
      </Paragraph>
    </div>
  );
}
