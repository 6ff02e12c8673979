/** Nothing is silently dropped: every model lists the rows listwise deletion removed, and why. */
import { Button, Details, Table } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import type { DroppedRow } from '../../engine/model/types';
import { formatInteger } from '../../i18n/format';
import { useLanguage } from '../../i18n/useLanguage';
import { useStrings } from '../../i18n/useStrings';
import { modelStrings } from './strings';

/**
 * Rows shown (and built) at a time. The list is paged, not grown: a big upload drops thousands of rows
 * per model, and building or mounting them all was a long task on the main thread (over the 50 ms
 * budget); a page is read from the packed list on its own (src/results/droppedPack.ts, droppedPage).
 * 50, not 100: the page's layout is most of the opening (rows with long variable lists, ~0,25 ms of
 * layout per row at load 7–9), and only a few rows fit the list's 20rem box at once.
 */
export const DROPPED_PAGE = 50;

const pageStrings = {
  nb: {
    prev: 'Forrige side',
    next: 'Neste side',
    showing: (a: string, b: string, n: string) => `Viser ${a}–${b} av ${n}`,
  },
  en: {
    prev: 'Previous page',
    next: 'Next page',
    showing: (a: string, b: string, n: string) => `Showing ${a}–${b} of ${n}`,
  },
};

/** Page `page` of a `count`-row list, clamped (a rerun can shorten the list under an open page). */
export function droppedPageBounds(page: number, count: number): { at: number; last: number; from: number; to: number } {
  const last = Math.max(0, Math.ceil(count / DROPPED_PAGE) - 1);
  const at = Math.min(Math.max(0, page), last);
  return { at, last, from: at * DROPPED_PAGE, to: Math.min(count, (at + 1) * DROPPED_PAGE) };
}

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
  /** Rows from .. to − 1 of the list: only the page shown is read (after a big upload the worker
   *  sends them packed, src/results/droppedPack.ts, and a page is unpacked without the rest). */
  rows: (from: number, to: number) => DroppedRow[];
  unitNames: Map<string, string>;
  labels: Map<string, string>;
}) {
  const s = useStrings(modelStrings);
  const lang = useLanguage();
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
        {title}: {s.dropped(formatInteger(count, lang))}
      </Details.Summary>
      <Details.Content>
        {opened && <DroppedTable title={title} count={count} rows={rows} unitNames={unitNames} labels={labels} />}
      </Details.Content>
    </Details>
  );
}

/** One page of the list with the pager above it (exported for its test: it reads one page). */
export function DroppedTable({
  title,
  count,
  rows,
  unitNames,
  labels,
  initialPage = 0,
}: {
  title: string;
  count: number;
  rows: (from: number, to: number) => DroppedRow[];
  unitNames: Map<string, string>;
  labels: Map<string, string>;
  initialPage?: number;
}) {
  const s = useStrings(modelStrings);
  const p = useStrings(pageStrings);
  const lang = useLanguage();
  const [page, setPage] = useState(initialPage);
  const { at, last, from, to } = droppedPageBounds(page, count);
  const shown = useMemo(() => rows(from, to), [rows, from, to]);
  if (count === 0) return <p>{s.droppedNone}</p>;
  const n = (x: number) => formatInteger(x, lang);
  return (
    <>
      {last > 0 && (
        <div className="kl-dropped-pager">
          <Button variant="tertiary" data-size="sm" disabled={at === 0} onClick={() => setPage(at - 1)} data-testid="dropped-prev">
            {p.prev}
          </Button>
          <span aria-live="polite" data-testid="dropped-showing">
            {p.showing(n(from + 1), n(to), n(count))}
          </span>
          <Button variant="tertiary" data-size="sm" disabled={at >= last} onClick={() => setPage(at + 1)} data-testid="dropped-next">
            {p.next}
          </Button>
        </div>
      )}
      {/* Keyed by the page: a new page starts at its top, not where the last one was scrolled to. */}
      <div key={at} className="kl-table-scroll kl-dropped" role="region" aria-label={`${title}: ${s.droppedCaption}`} tabIndex={0}>
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
            {shown.map((d, i) => (
              // A row can be listed twice (dropped for two variables in a pattern of its own): the
              // position on the page keeps the keys unique.
              <tr key={`${from + i}:${d.row}`}>
                <td>{d.unit ?? ''}</td>
                <td>{d.unit ? (unitNames.get(d.unit) ?? '') : ''}</td>
                <td>{d.year ?? ''}</td>
                <td>{d.variables.map((v) => labels.get(v) ?? v).join(', ')}</td>
                <td>{d.reasons.map((r) => s.reasons[r] ?? r).join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      </div>
    </>
  );
}
