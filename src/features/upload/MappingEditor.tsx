/**
 * The mapping step: which column is the municipality, the year, the values and the dimensions,
 * with a preview of the first rows and of the variables the file became. "Apply" stores the
 * mapping in the spec and re-reads the file with it, so the same file imports the same way later
 * (also from the CLI: `analyze -- import --spec`).
 */
import { Button, Checkbox, Field, Fieldset, Label, Paragraph, Select, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useStrings } from '../../i18n/useStrings';
import type { SourceValidation } from '../../ingest/types';
import type { ColumnMapping, SourceSpec } from '../../spec/sections/data';
import { strings } from './strings';

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
  const headers = report.headers;
  const [m, setM] = useState<ColumnMapping>(() => initial(source, headers));
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
            {headers.map((h) => (
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
            {headers.map((h) => (
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
      <div className="kl-mapping-row">
        <Fieldset data-size="sm">
          <Fieldset.Legend>{s.valueColumns}</Fieldset.Legend>
          {headers.map((h) => (
            <Checkbox key={h} label={h} checked={m.valueColumns.includes(h)} onChange={(e) => toggle('valueColumns', h, e.target.checked)} />
          ))}
        </Fieldset>
        <Fieldset data-size="sm">
          <Fieldset.Legend>{s.dimensionColumns}</Fieldset.Legend>
          {headers.map((h) => (
            <Checkbox key={h} label={h} checked={m.dimensionColumns.includes(h)} onChange={(e) => toggle('dimensionColumns', h, e.target.checked)} />
          ))}
        </Fieldset>
      </div>
      <Button data-size="sm" data-testid="apply-mapping" onClick={() => onApply(m)}>
        {s.apply}
      </Button>

      {report.preview.length > 0 && (
        <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.preview}>
          <Table data-size="sm" zebra data-testid="preview-table">
            <caption>{s.preview}</caption>
            <Table.Head>
              <Table.Row>
                {headers.map((h) => (
                  <Table.HeaderCell key={h}>{h}</Table.HeaderCell>
                ))}
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {report.preview.map((row, i) => (
                <Table.Row key={i}>
                  {headers.map((h, j) => (
                    <Table.Cell key={h}>{row[j] ?? ''}</Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
      <Paragraph data-size="sm" data-testid="resulting-variables">
        {s.resulting}: {report.variables.slice(0, 12).map((v) => v.name).join(', ')}
        {report.variables.length > 12 ? ` … (${report.variables.length})` : ''}
      </Paragraph>
    </div>
  );
}
