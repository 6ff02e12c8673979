/**
 * Gain or loss of one municipality under each of a list of keys. The list is the seam for scenarios
 * (src/features/scenarios): anything that can give per-unit changes — the proposed key, the
 * cost-key stage's candidates, a scenario's candidate keys — is one `GainLossKey`, and this table and
 * its export (gainLoss.ts) show them side by side. Keys whose arrays belong to another unit order must
 * be aligned to `base.prep.units` by the caller.
 */
import { Table } from '@digdir/designsystemet-react';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { myStrings } from './strings';
import type { GainLossKey } from './gainLoss';

export function KeyGainLossTable({ keys, unit }: { keys: GainLossKey[]; unit: number }) {
  const s = useStrings(myStrings);
  const lang = useLanguage();
  return (
    <Table data-testid="my-candidates" data-size="sm">
      <caption>{s.candidates}</caption>
      <Table.Head>
        <Table.Row>
          <Table.HeaderCell>{s.key}</Table.HeaderCell>
          <Table.HeaderCell>{s.change}</Table.HeaderCell>
          <Table.HeaderCell>{s.perCapita}</Table.HeaderCell>
        </Table.Row>
      </Table.Head>
      <Table.Body>
        {keys.map((k) => (
          <Table.Row key={k.id} data-key={k.id} style={k.emphasis ? { fontWeight: 700 } : undefined}>
            <Table.Cell>
              {k.label}
              {k.warning ? ` (⚠ ${k.warning})` : ''}
            </Table.Cell>
            <Table.Cell className="kl-num" data-testid={k.emphasis ? 'my-change' : undefined}>
              {formatInteger(k.change[unit], lang)}
            </Table.Cell>
            <Table.Cell className="kl-num">{formatInteger(k.changePerCapita[unit], lang)}</Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  );
}
