/**
 * Municipality code-change tables: which old code goes into which code of a target structure.
 * Read from a Klass export the user uploads (changes `0101 - Halden;3001 - Halden`, the long
 * `kommunenummer_2020;historisk_nummer` table, Statistikkbanken's `GRUPPEKODE;KODE` grouping) or
 * from the built-in 2020/2024 tables derived from those files (src/ingest/reforms/*.json).
 */
import { parseRegion } from './regions';

export interface ChangeTable {
  /** Label of where the table came from. */
  source: string;
  /** old code → code in the target structure. */
  map: Map<string, string>;
  /** Codes that were split between several municipalities: they cannot be mapped by summing. */
  split: Set<string>;
  /** Names of target codes. */
  names: Map<string, string>;
  /** Codes valid in the target structure. */
  targets: Set<string>;
  /** Why a code cannot be placed (built-in tables): which municipalities it concerns. */
  parts?: Map<string, SplitPart>;
}

/**
 * A code the structure leaves out because of a split (SSB's `K.Rest` group, «Delte kommuner»):
 * `split` — the municipality that was divided (5012 Snillfjord → Heim, Hitra, Orkland);
 * `received` — an older code of a municipality that took in part of a divided one (5013 Hitra
 * 2018–2019 → 5056 Hitra, which also got part of 5012 Snillfjord in 2020): its figures before the
 * split are not comparable with the later ones, so SSB keeps no continuous series for it.
 */
export interface SplitPart {
  kind: 'split' | 'received';
  /** Name as in the source (without the validity years). */
  name: string;
  /** Last year the code was in use (null = unknown). */
  to: number | null;
  /** Municipalities of the target structure it went into (the receivers of a split). */
  into: string[];
  /** The divided municipality (or municipalities) that make the series break. */
  splitFrom: string[];
}

export interface ReformTableJson {
  structure: string;
  source: string;
  targets: Record<string, string>;
  map: Record<string, string>;
  split: string[];
  parts?: Record<string, SplitPart>;
}

export function fromJson(t: ReformTableJson): ChangeTable {
  return {
    source: t.source,
    map: new Map(Object.entries(t.map)),
    split: new Set(t.split),
    names: new Map(Object.entries(t.targets)),
    targets: new Set(Object.keys(t.targets)),
    ...(t.parts ? { parts: new Map(Object.entries(t.parts)) } : {}),
  };
}

const TO_HEADER = /new|ny|^til|gruppe|_20(?:2\d)$|kommunenummer_20\d\d|target/i;
const FROM_HEADER = /old|gammel|^fra|histor|^kode$|^code$|source/i;

function headerYear(h: string): number | null {
  const m = /(19|20)\d{2}/.exec(h);
  return m ? Number(m[0]) : null;
}

/**
 * Finds the (from, to) code columns of a text table and reads the pairs; null when the table
 * does not look like a change table (fewer than two code columns).
 */
export function readChangeTable(source: string, headers: string[], rows: string[][]): ChangeTable | null {
  const codeCols: number[] = [];
  headers.forEach((_, j) => {
    let hits = 0;
    let n = 0;
    for (const r of rows.slice(0, 200)) {
      const t = (r[j] ?? '').trim();
      if (!t) continue;
      n++;
      const p = parseRegion(t);
      if (p.kind === 'municipality' || /^K[-.]/.test(t)) hits++;
    }
    if (n > 0 && hits / n > 0.8) codeCols.push(j);
  });
  if (codeCols.length < 2) return null;
  let from = -1;
  let to = -1;
  const years = codeCols.map((j) => headerYear(headers[j]));
  if (years.every((y) => y !== null) && new Set(years).size === years.length) {
    // `kommuner_2019;kommuner_2020`: the later year is the target.
    const order = codeCols.map((j, k) => [j, years[k] as number]).sort((a, b) => a[1] - b[1]);
    from = order[0][0];
    to = order[order.length - 1][0];
  } else {
    to = codeCols.find((j) => TO_HEADER.test(headers[j])) ?? codeCols[1];
    from = codeCols.find((j) => j !== to && FROM_HEADER.test(headers[j])) ?? codeCols.find((j) => j !== to) ?? -1;
  }
  if (from < 0 || to < 0 || from === to) return null;
  const splitCol = headers.findIndex((h) => /splitt/i.test(h));
  const t: ChangeTable = { source, map: new Map(), split: new Set(), names: new Map(), targets: new Set() };
  const seenTargets = new Map<string, Set<string>>();
  for (const r of rows) {
    const a = parseRegion(r[from] ?? '');
    const rawTo = (r[to] ?? '').trim();
    const b = parseRegion(rawTo);
    if (a.kind !== 'municipality') continue;
    if (b.kind !== 'municipality') {
      // `K.Rest` (divided municipalities and unknown) and the like.
      if (/rest/i.test(rawTo)) t.split.add(a.code);
      continue;
    }
    t.targets.add(b.code);
    if (b.name) t.names.set(b.code, b.name);
    if (splitCol >= 0 && (r[splitCol] ?? '').trim() === '1') t.split.add(a.code);
    const set = seenTargets.get(a.code) ?? new Set<string>();
    set.add(b.code);
    seenTargets.set(a.code, set);
    if (a.code !== b.code) t.map.set(a.code, b.code);
  }
  // One old code with several targets is a split even when the table has no flag.
  for (const [code, set] of seenTargets) if (set.size > 1) t.split.add(code);
  for (const code of t.split) t.map.delete(code);
  return t;
}

/** Chains two tables: old → mid (first) then mid → target (second). */
export function combine(first: ChangeTable, second: ChangeTable): ChangeTable {
  const map = new Map<string, string>();
  for (const [a, b] of first.map) map.set(a, second.map.get(b) ?? b);
  for (const [a, b] of second.map) if (!map.has(a)) map.set(a, b);
  return {
    source: `${first.source} + ${second.source}`,
    map,
    split: new Set([...first.split, ...second.split]),
    names: new Map([...first.names, ...second.names]),
    targets: second.targets.size > 0 ? second.targets : first.targets,
  };
}
