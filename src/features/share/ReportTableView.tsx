/** Renders a ReportTable as an accessible HTML table (share preview and presentation slides). */
import { Table } from '@digdir/designsystemet-react';
import { Fragment } from 'react';
import type { ReportTable } from '../../export/reportTable';
import { displayCellText } from '../../export/cellText';
import { syntheticTableNote } from '../../export/reportTable';
import { useLanguage } from '../../i18n/useLanguage';

export function ReportTableView({ table, large = false }: { table: ReportTable; large?: boolean }) {
  const lang = useLanguage();
  const width = table.columns.length + 1;
  return (
    <figure style={{ margin: 0, fontSize: large ? '1.35rem' : undefined }}>
      <Table data-size={large ? 'lg' : 'sm'} zebra={false} border>
        <caption style={{ textAlign: 'left', fontWeight: 700 }}>{table.title}</caption>
        <Table.Head>
          <Table.Row>
            {[table.rowHeader, ...table.columns].map((h, i) => (
              <Table.HeaderCell key={i} scope="col">
                {h}
              </Table.HeaderCell>
            ))}
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {table.groups.map((g, gi) => (
            <Fragment key={gi}>
              {g.label && (
                <Table.Row>
                  <Table.HeaderCell scope="rowgroup" colSpan={width}>
                    {g.label}
                  </Table.HeaderCell>
                </Table.Row>
              )}
              {g.rows.map((r, ri) => (
                <Table.Row key={ri}>
                  <Table.HeaderCell scope="row" style={{ textAlign: 'left', fontWeight: r.kind === 'se' ? 400 : 600 }}>
                    {r.label}
                  </Table.HeaderCell>
                  {r.cells.map((c, ci) => (
                    <Table.Cell key={ci} style={{ textAlign: typeof c.value === 'number' ? 'right' : 'center', fontVariantNumeric: 'tabular-nums' }}>
                      {displayCellText(c, lang)}
                    </Table.Cell>
                  ))}
                </Table.Row>
              ))}
            </Fragment>
          ))}
        </Table.Body>
      </Table>
      <figcaption style={{ fontSize: large ? '1rem' : '0.875rem', marginTop: 8 }}>
        {table.notes.map((n, i) => (
          <div key={i}>{n}</div>
        ))}
        {table.source && <div>{table.source}</div>}
        {table.synthetic && <strong data-testid="table-synthetic">{syntheticTableNote(table, lang)}</strong>}
      </figcaption>
    </figure>
  );
}
