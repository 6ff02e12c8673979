/** The variable catalogue: every variable from every file, searchable by name, label, file or dims. */
import { Button, Heading, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import type { VariableInfo } from '../../ingest/types';
import { strings } from './strings';

/**
 * Rows rendered at a time: mounting a few hundred Designsystemet table rows was a long task on the
 * main thread (over the 50 ms budget). The search still runs over the whole catalogue.
 */
const PAGE = 50;

const moreStrings = {
  nb: { more: (n: string) => `Vis ${n} flere` },
  en: { more: (n: string) => `Show ${n} more` },
};

function years(ys: number[]): string {
  if (ys.length === 0) return '–';
  const contiguous = ys.every((y, i) => i === 0 || y === ys[i - 1] + 1);
  return contiguous && ys.length > 2 ? `${ys[0]}–${ys[ys.length - 1]}` : ys.join(', ');
}

export function CatalogueTable({ catalogue }: { catalogue: VariableInfo[] }) {
  const s = useStrings(strings);
  const lang = useLanguage();
  const m = useStrings(moreStrings);
  const [query, setQuery] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const hits = q
      ? catalogue.filter((v) => `${v.name} ${v.label} ${v.source} ${Object.values(v.dims).join(' ')}`.toLowerCase().includes(q))
      : catalogue;
    return hits;
  }, [catalogue, query]);
  if (catalogue.length === 0) return null;
  return (
    <section aria-labelledby="kl-catalogue-title" className="kl-catalogue">
      <Heading level={3} data-size="sm" id="kl-catalogue-title">
        {s.catalogue}
      </Heading>
      <Textfield label={s.search} data-size="sm" value={query} onChange={(e) => {
          setQuery(e.target.value);
          // A new search starts from its first page, so the hits counted are the hits shown first.
          setLimit(PAGE);
        }} data-testid="catalogue-search" />
      <Paragraph data-size="sm">
        {s.showing} {formatInteger(Math.min(shown.length, limit), lang)} {s.of} {formatInteger(shown.length, lang)}
      </Paragraph>
      <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.catalogue}>
        <Table data-size="sm" zebra data-testid="catalogue-table">
          <caption className="kl-visually-hidden">{s.catalogue}</caption>
          <Table.Head>
            <Table.Row>
              <Table.HeaderCell>{s.colName}</Table.HeaderCell>
              <Table.HeaderCell>{s.colLabel}</Table.HeaderCell>
              <Table.HeaderCell>{s.colSource}</Table.HeaderCell>
              <Table.HeaderCell>{s.colUnit}</Table.HeaderCell>
              <Table.HeaderCell>{s.colYears}</Table.HeaderCell>
              <Table.HeaderCell>{s.colUnits}</Table.HeaderCell>
              <Table.HeaderCell>{s.colMissing}</Table.HeaderCell>
              <Table.HeaderCell>{s.colSuppressed}</Table.HeaderCell>
            </Table.Row>
          </Table.Head>
          <Table.Body>
            {shown.slice(0, limit).map((v) => (
              <Table.Row key={v.name} data-testid="catalogue-row">
                <Table.Cell>
                  <code>{v.name}</code>
                </Table.Cell>
                <Table.Cell>{v.label}</Table.Cell>
                <Table.Cell>{v.source}</Table.Cell>
                <Table.Cell>{v.unit ?? ''}</Table.Cell>
                <Table.Cell>{years(v.years)}</Table.Cell>
                <Table.Cell>{formatInteger(v.nUnits, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(v.nMissing, lang)}</Table.Cell>
                <Table.Cell>{formatInteger(v.nSuppressed, lang)}</Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      </div>
      {shown.length > limit && (
        <Button variant="secondary" data-size="sm" onClick={() => setLimit((l) => l + PAGE)} data-testid="catalogue-more">
          {m.more(formatInteger(Math.min(PAGE, shown.length - limit), lang))}
        </Button>
      )}
    </section>
  );
}
