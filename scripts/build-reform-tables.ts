/**
 * Derives the built-in municipality-structure tables src/ingest/reforms/{2020,2024}.json from the
 * Klass / Statistikkbanken files in ../shared/data/real (run: `npx tsx scripts/build-reform-tables.ts`).
 *
 * 2024: Statistikkbanken's grouping "municipalities, current boundaries" (kommuner-1994-2024.xlsx):
 *   every code 1994–2024 → its 2024 group; the `K.Rest` group (divided municipalities) is `split`.
 * 2020: Klass long table (2013–2019 codes → 2020), split flags from the 2019→2020 change table,
 *   codes abolished before 2013 and the 2024 codes via the same grouping (a 2024 group → the one
 *   code of its members that was valid 2020–2023).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ingestFile } from '../src/ingest/ingestFile';
import type { ReformTableJson } from '../src/ingest/changeTable';
import { parseRegion } from '../src/ingest/regions';

const here = dirname(fileURLToPath(import.meta.url));
const REAL = process.env.KNL_REAL_DIR ?? resolve(here, '../../shared/data/real');
const OUT = resolve(here, '../src/ingest/reforms');

async function textTable(path: string): Promise<{ headers: string[]; rows: string[][] }> {
  const bytes = new Uint8Array(readFileSync(path));
  const name = path.split('/').pop() ?? path;
  const s = await ingestFile({ name, bytes });
  if (!s.textRows) throw new Error(`${name}: expected a text table`);
  return { headers: s.headers, rows: s.textRows };
}

function validity(tekst: string): { from: number | null; to: number | null } {
  const m = /\((\d{4})?\s*-\s*(\d{4})?\)\s*$/.exec(tekst);
  if (!m) return { from: null, to: null };
  return { from: m[1] ? Number(m[1]) : null, to: m[2] ? Number(m[2]) : null };
}

function sortObj(o: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

async function main() {
  const xl = await textTable(`${REAL}/ssb-statbank-kommune-aggregation-1994-2024-xlsx/kommuner-1994-2024.xlsx`);
  const col = (h: string) => xl.headers.indexOf(h);
  const [gk, gt, kk, kt] = [col('GRUPPEKODE'), col('GRUPPETEKST'), col('KODE'), col('TEKST')];
  const groups = new Map<string, { name: string; members: { code: string; tekst: string }[] }>();
  for (const r of xl.rows) {
    const g = r[gk].replace(/^K\./, '');
    const entry = groups.get(g) ?? { name: r[gt], members: [] };
    entry.members.push({ code: r[kk].padStart(4, '0'), tekst: r[kt] });
    groups.set(g, entry);
  }
  // ---- 2024
  const t24: ReformTableJson = { structure: '2024', source: 'SSB Statistikkbanken, kommuner 1994–2024 (K-grupper)', targets: {}, map: {}, split: [] };
  for (const [g, e] of groups) {
    if (g === 'Rest') {
      for (const m of e.members) if (m.code !== '9999') t24.split.push(m.code);
      continue;
    }
    if (!/^\d{4}$/.test(g)) continue; // 21-22 Svalbard, 23 shelf
    t24.targets[g] = e.name;
    for (const m of e.members) if (m.code !== g) t24.map[m.code] = g;
  }
  // ---- 2020
  const long = await textTable(`${REAL}/klass-131-municipality-codes-2013-2020-csv/kommunenummer_fra2013_til2020_long.csv`);
  const chg = await textTable(`${REAL}/klass-131-municipality-codes-2013-2020-csv/kommuner_med_endringer_fra2019_til2020.csv`);
  const t20: ReformTableJson = { structure: '2020', source: 'SSB Klass 131 (2013–2020) + Statistikkbanken K-grupper', targets: {}, map: {}, split: [] };
  const splitSet = new Set<string>();
  for (const r of chg.rows) if ((r[2] ?? '').trim() === '1') splitSet.add(parseRegion(r[0]).code);
  for (const r of long.rows) {
    const to = r[0].padStart(4, '0');
    const from = r[2].padStart(4, '0');
    if (to !== '9999') t20.targets[to] = r[1];
    if (splitSet.has(from)) continue;
    if (from !== to) t20.map[from] = to;
  }
  // A 2024 group → its 2020 code: the member valid 2020–2023, else the 2020 code its older members map to.
  const to2020 = (code: string) => (t20.targets[code] !== undefined ? code : t20.map[code]);
  for (const [g, e] of groups) {
    if (!/^\d{4}$/.test(g)) continue;
    const valid2020 = e.members.filter((m) => {
      const v = validity(m.tekst);
      if (v.from === null && v.to === null) return t20.targets[m.code] !== undefined;
      return (v.from === null || v.from <= 2020) && (v.to === null || v.to >= 2020);
    });
    let code2020: string | undefined = valid2020.length === 1 ? valid2020[0].code : undefined;
    if (!code2020) {
      const cands = new Set(e.members.map((m) => to2020(m.code)).filter((c): c is string => c !== undefined));
      if (cands.size === 1) code2020 = [...cands][0];
    }
    if (!code2020 || t20.targets[code2020] === undefined) continue;
    for (const m of e.members) {
      if (m.code === code2020 || t20.map[m.code] !== undefined || splitSet.has(m.code)) continue;
      if (t20.targets[m.code] !== undefined) continue;
      t20.map[m.code] = code2020;
    }
    if (g !== code2020 && t20.targets[g] === undefined && t20.map[g] === undefined) t20.map[g] = code2020;
  }
  t20.split = [...splitSet, ...t24.split.filter((c) => t20.map[c] === undefined && t20.targets[c] === undefined && !splitSet.has(c))].sort();
  for (const t of [t20, t24]) {
    t.targets = sortObj(t.targets);
    t.map = sortObj(t.map);
    t.split = [...new Set(t.split)].sort();
    writeFileSync(`${OUT}/${t.structure}.json`, JSON.stringify(t, null, 1) + '\n');
    console.log(`${t.structure}: ${Object.keys(t.targets).length} targets, ${Object.keys(t.map).length} mapped codes, ${t.split.length} split`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
