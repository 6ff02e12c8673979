/** Nothing is silently dropped: every model lists the rows listwise deletion removed, and why. */
import { Button, Details, Table } from '@digdir/designsystemet-react';
import { useState } from 'react';
import type { DroppedRow } from '../../engine/model/types';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';

/**
 * Rows rendered at a time: several models each mounting hundreds of rows was a long task on the main
 * thread (over the 50 ms budget); the rest are one click away.
 */
const PAGE = 50;

const moreStrings = {
  nb: { more: (n: number) => `Vis ${n} flere`, showing: (a: number, n: number) => `Viser ${a} av ${n}` },
  en: { more: (n: number) => `Show ${n} more`, showing: (a: number, n: number) => `Showing ${a} of ${n}` },
};

export function DroppedUnits({
  title,
  count,
  rows,
  unitNames,
  labels,
}: {
  title: string;
  /** How many rows were dropped (known without building the list). */
  count: number;
  /** The rows: built when the list is first opened (after a big upload the worker sends them packed,
   *  src/results/droppedPack.ts, and a closed list never needs them). */
  rows: () => DroppedRow[];
  unitNames: Map<string, string>;
  labels: Map<string, string>;
}) {
  const s = useStrings(modelStrings);
  const m = useStrings(moreStrings);
  const [limit, setLimit] = useState(PAGE);
  const [opened, setOpened] = useState(false);
  return (
    <Details
      data-size="sm"
      data-testid="dropped-units"
      onToggle={(e) => {
        if ((e.target as HTMLDetailsElement).open) setOpened(true);
      }}
    >
      <Details.Summary>
        {title}: {s.dropped(count)}
      </Details.Summary>
      <Details.Content>
        {opened && (
          <DroppedTable
            title={title}
            dropped={rows()}
            limit={limit}
            more={() => setLimit((l) => l + PAGE)}
            unitNames={unitNames}
            labels={labels}
            m={m}
          />
        )}
      </Details.Content>
    </Details>
  );
}

function DroppedTable({
  title,
  dropped,
  limit,
  more,
  unitNames,
  labels,
  m,
}: {
  title: string;
  dropped: DroppedRow[];
  limit: number;
  more: () => void;
  unitNames: Map<string, string>;
  labels: Map<string, string>;
  m: { more: (n: number) => string; showing: (a: number, n: number) => string };
}) {
  const s = useStrings(modelStrings);
  return (
    <>
      {dropped.length === 0 ? (
        <p>{s.droppedNone}</p>
      ) : (
        <div
          className="kl-table-scroll kl-dropped"
          role="region"
          aria-label={`${title}: ${s.droppedCaption}`}
          tabIndex={0}
        >
          <Table data-size="sm" zebra>
            <caption className="kl-visually-hidden">{s.droppedCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{s.unit}</th>
                <th scope="col">{s.name}</th>
                <th scope="col">{s.years}</th>
                <th scope="col">{s.cause}</th>
                <th scope="col">{s.reason}</th>
              </tr>
            </thead>
            <tbody>
              {dropped.slice(0, limit).map((d) => (
                <tr key={d.row}>
                  <td>{d.unit ?? ''}</td>
                  <td>{d.unit ? (unitNames.get(d.unit) ?? '') : ''}</td>
                  <td>{d.year ?? ''}</td>
                  <td>{d.variables.map((v) => labels.get(v) ?? v).join(', ')}</td>
                  <td>{d.reasons.map((r) => s.reasons[r] ?? r).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </Table>
          {dropped.length > limit && (
            <p>
              {m.showing(limit, dropped.length)}{' '}
              <Button variant="secondary" data-size="sm" onClick={more}>
                {m.more(Math.min(PAGE, dropped.length - limit))}
              </Button>
            </p>
          )}
        </div>
      )}
    </>
  );
}
