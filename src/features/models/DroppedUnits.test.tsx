/**
 * The dropped-rows list reads one page: opening a model's list of 15 000 dropped rows builds and
 * renders 50 of them (it built all 15 000 to show the first 50), and the count says which rows are
 * shown, in Norwegian number format.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DroppedRow, ModelResult } from '../../engine/model/types';
import { droppedCount, droppedPage, packModels, unpackModels } from '../../results/droppedPack';
import { DROPPED_PAGE, DroppedTable, droppedPageBounds } from './DroppedUnits';

const N = 15_000;
const list: DroppedRow[] = Array.from({ length: N }, (_, i) => ({ row: i, variables: ['egen_indikator'], reasons: ['missing'], unit: String(9001 + (i % 356)), year: 1975 + Math.floor(i / 356) }));

/** A model's outcome as the page holds it after a results update: the dropped list still packed. */
function packedOutcome() {
  const model = { design: 'pooled', fits: [{ year: null, outcome: { ok: false, problem: { code: 'x', message: 'x', messageEn: 'x' }, n: 0, k: 0, dropped: list } }] } as unknown as ModelResult;
  return unpackModels(structuredClone(packModels({ m: model }))).m.fits[0].outcome;
}

function render(initialPage = 0) {
  const outcome = packedOutcome();
  const calls: [number, number][] = [];
  const rows = (from: number, to: number) => {
    calls.push([from, to]);
    return droppedPage(outcome, from, to);
  };
  const html = renderToStaticMarkup(
    <DroppedTable title="(1) Modell A" count={droppedCount(outcome)} rows={rows} unitNames={new Map([['9001', 'Limrli']])} labels={new Map()} initialPage={initialPage} />,
  );
  return { html, calls, outcome, bodyRows: (html.split('<tbody>')[1] ?? '').match(/<tr/g)?.length ?? 0 };
}

describe('dropped rows, a page at a time', () => {
  it('opening the list reads one page of 50 rows, not the 15 000, and says which', () => {
    const { html, calls, outcome, bodyRows } = render();
    expect(DROPPED_PAGE).toBe(50);
    expect(calls).toEqual([[0, 50]]);
    expect(bodyRows).toBe(50);
    // The packed list was never built whole.
    expect(Object.getOwnPropertyDescriptor(outcome, 'dropped')?.get).toBeTypeOf('function');
    expect(html).toContain('Viser 1–50 av 15\u00a0000');
    expect(html).toContain('Neste side');
    expect(html).toContain('<td>9001</td><td>Limrli</td><td>1975</td>');
  });

  it('the last page holds the rest and reads only them', () => {
    const { html, calls, bodyRows } = render(299);
    expect(calls).toEqual([[14_950, 15_000]]);
    expect(bodyRows).toBe(50);
    expect(html).toContain('Viser 14\u00a0951–15\u00a0000 av 15\u00a0000');
  });

  it('clamps a page past the end (a rerun can shorten the list under an open page)', () => {
    expect(droppedPageBounds(500, N)).toEqual({ at: 299, last: 299, from: 14_950, to: 15_000 });
    expect(droppedPageBounds(1, 70)).toEqual({ at: 1, last: 1, from: 50, to: 70 });
    expect(droppedPageBounds(-1, 0)).toEqual({ at: 0, last: 0, from: 0, to: 0 });
  });

  it('a short list has no pager', () => {
    const html = renderToStaticMarkup(<DroppedTable title="t" count={3} rows={() => list.slice(0, 3)} unitNames={new Map()} labels={new Map()} />);
    expect(html).not.toContain('Neste side');
    expect((html.split('<tbody>')[1] ?? '').match(/<tr/g)).toHaveLength(3);
  });
});
