/** Table search (`/tables?query=`): by number or words; each hit shows its period and last update. */
import { Button, Paragraph, Table, Textfield } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { Problem } from '../../../engine/problem';
import { ProblemList } from '../../../app/ProblemList';
import { useStrings } from '../../../i18n/useStrings';
import type { TableSummary } from '../../../ssb/types';
import { problemsOf, ssbClient } from '../../../store/ssbActions';
import { ssbStrings } from './strings';

export function TableSearch({ onPick }: { onPick(id: string): void }) {
  const s = useStrings(ssbStrings);
  const [text, setText] = useState('');
  const [hits, setHits] = useState<TableSummary[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<Problem[]>([]);
  const search = async () => {
    const client = ssbClient();
    if (!client || !text.trim()) return;
    setBusy(true);
    setProblems([]);
    try {
      setHits((await client.searchTables(text.trim())).tables);
    } catch (e) {
      setHits(null);
      setProblems(problemsOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="kl-ssb-search">
      <form
        className="kl-ssb-search-form"
        onSubmit={(e) => {
          e.preventDefault();
          void search();
        }}
      >
        <Textfield data-size="sm" label={s.search} value={text} onChange={(e) => setText(e.target.value)} data-testid="ssb-search" />
        <Button data-size="sm" type="submit" disabled={busy} data-testid="ssb-search-button">
          {busy ? s.searching : s.searchButton}
        </Button>
      </form>
      <ProblemList problems={problems} heading={s.problems} />
      {hits && hits.length === 0 && <Paragraph data-size="sm">{s.noHits}</Paragraph>}
      {hits && hits.length > 0 && (
        <div className="kl-scroll" tabIndex={0} role="region" aria-label={s.hits}>
          <Table data-size="sm" data-testid="ssb-hits">
            <caption className="kl-visually-hidden">{s.hits}</caption>
            <Table.Head>
              <Table.Row>
                <Table.HeaderCell>{s.tableHeader}</Table.HeaderCell>
                <Table.HeaderCell>{s.period}</Table.HeaderCell>
                <Table.HeaderCell>{s.updated}</Table.HeaderCell>
                <Table.HeaderCell>
                  <span className="kl-visually-hidden">{s.choose}</span>
                </Table.HeaderCell>
              </Table.Row>
            </Table.Head>
            <Table.Body>
              {hits.map((t) => (
                <Table.Row key={t.id}>
                  <Table.Cell>{t.label}</Table.Cell>
                  <Table.Cell>{t.firstPeriod && t.lastPeriod ? `${t.firstPeriod}–${t.lastPeriod}` : '–'}</Table.Cell>
                  <Table.Cell>{t.updated?.slice(0, 10) ?? '–'}</Table.Cell>
                  <Table.Cell>
                    <Button data-size="sm" variant="secondary" onClick={() => onPick(t.id)} aria-label={`${s.chooseTable} ${t.id}`} data-testid="ssb-pick">
                      {s.choose}
                    </Button>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </div>
      )}
    </div>
  );
}
