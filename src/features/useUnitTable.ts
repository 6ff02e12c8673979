/**
 * Search, sort and paging of a per-municipality table (Omfordeling, Samlet nøkkel): a name or number
 * search, a sort column with direction (ties keep the engine's order), pages of `pageSize` rows.
 * Only a page is rendered: 357 rows × a dozen cells re-rendered on every weight edit were most of an
 * edit's cost.
 */
import { useDeferredValue, useMemo, useState } from 'react';

export interface UnitTableRow {
  /** Position in the engine's order, the tie-breaker. */
  pos: number;
  unit: string;
  name: string;
}

export function useUnitTable<R extends UnitTableRow, K extends string>(
  rows: R[],
  initialSort: { key: K; dir: 1 | -1 },
  /** Sort value of a row for a column; must be stable (module-level), it keys the memo. */
  valueOf: (row: R, key: K) => number | string,
  pageSize: number,
) {
  const [query, setQueryState] = useState('');
  const [sort, setSort] = useState(initialSort);
  const [page, setPage] = useState(0);
  const q = useDeferredValue(query.trim().toLowerCase());
  const shown = useMemo(() => {
    const f = q ? rows.filter((r) => r.name.toLowerCase().includes(q) || r.unit.includes(q)) : rows;
    return [...f].sort((a, b) => {
      const va = valueOf(a, sort.key);
      const vb = valueOf(b, sort.key);
      const c = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb, 'nb') : (va as number) - (vb as number);
      return c * sort.dir || a.pos - b.pos;
    });
  }, [rows, q, sort, valueOf]);
  const last = Math.max(0, Math.ceil(shown.length / pageSize) - 1);
  const at = Math.min(page, last);
  return {
    query,
    setQuery(v: string) {
      setQueryState(v);
      setPage(0);
    },
    sort,
    /** Same column: reverse; a new column starts in `firstDir`. Back to the first page either way. */
    toggleSort(key: K, firstDir: 1 | -1) {
      setSort((p) => ({ key, dir: p.key === key ? ((-p.dir) as 1 | -1) : firstDir }));
      setPage(0);
    },
    shown,
    at,
    last,
    setPage,
    pageRows: shown.slice(at * pageSize, at * pageSize + pageSize),
  };
}
