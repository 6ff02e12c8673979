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
import type { ReformTableJson, SplitPart } from '../src/ingest/changeTable';
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

function sortObj<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => a.localeCompare(b)));
}

function nameOf(tekst: string): string {
  return tekst.replace(/\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)\s*$/, '').trim();
}

/** old → new code steps of the Klass change tables 2013→2017→2018→2019→2020 (several targets = split). */
async function changeSteps(): Promise<Map<string, { to: Set<string>; split: boolean }>[]> {
  const files = ['2013_til2017', '2017_til2018', '2018_til2019', '2019_til2020'];
  const steps: Map<string, { to: Set<string>; split: boolean }>[] = [];
  for (const f of files) {
    const t = await textTable(`${REAL}/klass-131-municipality-codes-2013-2020-csv/kommuner_med_endringer_fra${f}.csv`);
    const step = new Map<string, { to: Set<string>; split: boolean }>();
    for (const r of t.rows) {
      const a = parseRegion(r[0] ?? '').code;
      const b = parseRegion(r[1] ?? '').code;
      if (!a || !b) continue;
      const e = step.get(a) ?? { to: new Set<string>(), split: false };
      e.to.add(b);
      if ((r[2] ?? '').trim() === '1') e.split = true;
      step.set(a, e);
    }
    for (const e of step.values()) if (e.to.size > 1) e.split = true;
    steps.push(step);
  }
  return steps;
}

/** The 2020 codes a code ended up in, and the divided municipalities on the way. */
function successors(code: string, steps: Map<string, { to: Set<string>; split: boolean }>[]): { codes: string[]; splitCodes: string[] } {
  let cur = new Set([code]);
  const splitCodes: string[] = [];
  for (const step of steps) {
    const next = new Set<string>();
    for (const c of cur) {
      const e = step.get(c);
      if (!e) next.add(c);
      else {
        e.to.forEach((t) => next.add(t));
        if (e.split) splitCodes.push(c);
      }
    }
    cur = next;
  }
  return { codes: [...cur].sort(), splitCodes };
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
  // Why each K.Rest code is left out: a divided municipality, or an older code of one that took in
  // part of a divided one (the receivers: Heim, Hitra, Orkland, Narvik, Hamarøy in 2020).
  const steps = await changeSteps();
  const to2024 = (c: string) => (t24.targets[c] !== undefined ? c : t24.map[c]);
  const restMembers = (groups.get('Rest')?.members ?? []).filter((m) => m.code !== '9999');
  const splitInto = new Map<string, string[]>();
  const infos = restMembers.map((m) => ({ m, succ: successors(m.code, steps) }));
  for (const { m, succ } of infos) {
    if (succ.splitCodes.length === 0) continue;
    const into = [...new Set(succ.codes.map(to2024).filter((c): c is string => c !== undefined))].sort();
    for (const sc of [m.code, ...succ.splitCodes]) splitInto.set(sc, into);
  }
  const parts24: Record<string, SplitPart> = {};
  for (const { m, succ } of infos) {
    const v = validity(m.tekst);
    const into = [...new Set(succ.codes.map(to2024).filter((c): c is string => c !== undefined))].sort();
    if (succ.splitCodes.length > 0) {
      parts24[m.code] = { kind: 'split', name: nameOf(m.tekst), to: v.to, into, splitFrom: [m.code] };
    } else {
      const splitFrom = [...splitInto].filter(([, r]) => into.some((c) => r.includes(c))).map(([sc]) => sc).filter((sc) => restMembers.some((x) => x.code === sc && validity(x.tekst).to === 2019)).sort();
      parts24[m.code] = { kind: 'received', name: nameOf(m.tekst), to: v.to, into, splitFrom };
    }
  }
  t24.parts = sortObj(parts24);
  // ---- 2020
  const long = await textTable(`${REAL}/klass-131-municipality-codes-2013-2020-csv/kommunenummer_fra2013_til2020_long.csv`);
  const chg = await textTable(`${REAL}/klass-131-municipality-codes-2013-2020-csv/kommuner_med_endringer_fra2019_til2020.csv`);
  const t20: ReformTableJson = { structure: '2020', source: 'SSB Klass 131 (2013–2020) + Statistikkbanken K-grupper', targets: {}, map: {}, split: [] };
  const splitSet = new Set<string>();
  for (const r of chg.rows) if ((r[2] ?? '').trim() === '1') splitSet.add(parseRegion(r[0]).code);
  // An older number of a divided municipality (1613 Snillfjord before 2018 = 5012) is divided too:
  // the long table maps it to one receiver only, which would add all of it to that one.
  for (const { m, succ } of infos) if (succ.splitCodes.length > 0) splitSet.add(m.code);
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
  // In the 2020 structure only the divided municipalities themselves are left out; their receivers
  // are kept, with figures before 2020 that lack the part they took in (a break in the series).
  const parts20: Record<string, SplitPart> = {};
  for (const c of t20.split) {
    const p = parts24[c];
    if (p) parts20[c] = { ...p, kind: 'split', into: p.into.map((x) => (t20.targets[x] !== undefined ? x : t20.map[x] ?? x)) };
  }
  t20.parts = sortObj(parts20);
  for (const t of [t20, t24]) {
    t.targets = sortObj(t.targets);
    t.map = sortObj(t.map);
    t.split = [...new Set(t.split)].sort();
    writeFileSync(`${OUT}/${t.structure}.json`, JSON.stringify(t, null, 1) + '\n');
    console.log(`${t.structure}: ${Object.keys(t.targets).length} targets, ${Object.keys(t.map).length} mapped codes, ${t.split.length} split, ${Object.keys(t.parts ?? {}).length} explained`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
