/** Where a fetched source came from, on its source card: table, title, fetch time, SSB's last update, the query. */
import { Details, Paragraph } from '@digdir/designsystemet-react';
import { formatInteger } from '../../../i18n/format';
import { useLanguage } from '../../../i18n/useLanguage';
import { useStrings } from '../../../i18n/useStrings';
import type { SsbProvenance as Provenance } from '../../../spec/sections/data';
import { describeQuery } from '../../../ssb/provenance';
import { ssbStrings } from './strings';

const when = (iso: string | null, unknown: string) => (iso ? iso.replace('T', ' ').slice(0, 16) : unknown);

export function SsbProvenance({ p }: { p: Provenance }) {
  const s = useStrings(ssbStrings);
  const lang = useLanguage();
  return (
    <div className="kl-ssb-provenance" data-testid="ssb-provenance" data-table={p.query.tableId}>
      <Paragraph data-size="sm">
        <strong>{s.fromSsb}:</strong> {s.table} {p.query.tableId} «{p.title}» · {s.fetchedAt} {when(p.fetchedAt, s.unknown)} · {s.lastUpdated} {when(p.updated, s.unknown)} · {formatInteger(p.cells, lang)} {s.cells} · {p.urls.length}{' '}
        {p.urls.length === 1 ? s.request : s.requests}
        {p.recipe ? ` · ${s.recipe}: ${p.recipe}` : ''}
      </Paragraph>
      <Details data-size="sm">
        <Details.Summary>{s.query}</Details.Summary>
        <Details.Content>
          <Paragraph data-size="sm">{describeQuery(p.query, lang)}</Paragraph>
          <Paragraph data-size="sm">{s.urls}:</Paragraph>
          <ol className="kl-ssb-urls">
            {p.urls.map((u) => (
              <li key={u}>
                <code>{u}</code>
              </li>
            ))}
          </ol>
        </Details.Content>
      </Details>
    </div>
  );
}
