/**
 * What changed between two fetches of the same query («Oppdater fra SSB»): cells whose value or
 * symbol changed, cells that appeared or disappeared, years added or gone, and the table's
 * last-updated time before and after. Cells are matched by their codes, not their position, so a new
 * year or municipality does not make every later cell look changed.
 */
import { isObject, type Json, type JsonObject } from '../ingest/jsonstat';

export interface DatasetChanges {
  cellsChanged: number;
  cellsAdded: number;
  cellsRemoved: number;
  yearsAdded: string[];
  yearsRemoved: string[];
  updatedBefore: string | null;
  updatedAfter: string | null;
}

interface Cells {
  map: Map<string, string>;
  years: Set<string>;
}

function cellsOf(doc: JsonObject): Cells {
  const ids = Array.isArray(doc.id) ? doc.id.map(String) : [];
  const dims = isObject(doc.dimension) ? doc.dimension : {};
  const codes = ids.map((id) => {
    const d = dims[id];
    const index = isObject(d) && isObject(d.category) ? d.category.index : undefined;
    const out: string[] = [];
    if (isObject(index)) for (const [c, i] of Object.entries(index)) out[Number(i)] = c;
    else if (Array.isArray(index)) index.forEach((c) => out.push(String(c)));
    return out;
  });
  const role = isObject(doc.role) && Array.isArray(doc.role.time) ? doc.role.time.map(String) : [];
  const timeIdx = ids.findIndex((id) => role.includes(id) || /^(?:Tid|Time)$/i.test(id));
  const sizes = codes.map((c) => c.length);
  const n = sizes.reduce((a, b) => a * b, 1);
  const value = doc.value;
  const status = doc.status;
  const at = (x: Json | undefined, i: number) => (Array.isArray(x) ? x[i] : isObject(x) ? x[String(i)] : typeof x === 'string' ? x : undefined);
  const map = new Map<string, string>();
  const years = new Set<string>();
  const counter = new Array<number>(ids.length).fill(0);
  for (let i = 0; i < n; i++) {
    const key = counter.map((c, k) => `${ids[k]}=${codes[k][c]}`).join('\u0001');
    const v = at(value, i);
    const s = at(status, i);
    map.set(key, `${typeof v === 'number' ? v : 'null'}|${typeof s === 'string' ? s : ''}`);
    if (timeIdx >= 0) years.add(codes[timeIdx][counter[timeIdx]]);
    for (let k = ids.length - 1; k >= 0; k--) {
      if (++counter[k] < sizes[k]) break;
      counter[k] = 0;
    }
  }
  return { map, years };
}

export function diffDatasets(before: JsonObject, after: JsonObject): DatasetChanges {
  const a = cellsOf(before);
  const b = cellsOf(after);
  let cellsChanged = 0;
  let cellsAdded = 0;
  let cellsRemoved = 0;
  for (const [k, v] of b.map) {
    const old = a.map.get(k);
    if (old === undefined) cellsAdded++;
    else if (old !== v) cellsChanged++;
  }
  for (const k of a.map.keys()) if (!b.map.has(k)) cellsRemoved++;
  const sorted = (s: Iterable<string>) => [...s].sort();
  return {
    cellsChanged,
    cellsAdded,
    cellsRemoved,
    yearsAdded: sorted([...b.years].filter((y) => !a.years.has(y))),
    yearsRemoved: sorted([...a.years].filter((y) => !b.years.has(y))),
    updatedBefore: typeof before.updated === 'string' ? before.updated : null,
    updatedAfter: typeof after.updated === 'string' ? after.updated : null,
  };
}
