/** Nothing is silently dropped: every model lists the rows listwise deletion removed, and why. */
import { Details, Table } from '@digdir/designsystemet-react';
import type { DroppedRow } from '../../engine/model/types';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';

const MAX_ROWS = 300;

export function DroppedUnits({
  title,
  dropped,
  unitNames,
  labels,
}: {
  title: string;
  dropped: DroppedRow[];
  unitNames: Map<string, string>;
  labels: Map<string, string>;
}) {
  const s = useStrings(modelStrings);
  return (
    <Details data-size="sm" data-testid="dropped-units">
      <Details.Summary>
        {title}: {s.dropped(dropped.length)}
      </Details.Summary>
      <Details.Content>
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
                {dropped.slice(0, MAX_ROWS).map((d) => (
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
            {dropped.length > MAX_ROWS && <p>{s.more(dropped.length - MAX_ROWS)}</p>}
          </div>
        )}
      </Details.Content>
    </Details>
  );
}
