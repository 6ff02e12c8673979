/**
 * The stand-in's own reading of a query — deliberately not the app's code, so the tests compare two
 * implementations: value codes and selection expressions expanded against a dimension (or a code
 * list), eliminated dimensions summed, code-list values summed over their `valueMap`, and the answer
 * written as JSON-stat 2 the way PxWebApi writes it (row-major values, `status` keyed by index).
 */
import type { Cell, SCodelist, SDim, STable } from './catalogue';

export interface Selected {
  dim: SDim;
  codelist: SCodelist | null;
  /** Output codes (the code list's, when one is applied). */
  codes: string[];
}

export type Expansion = { ok: true; codes: string[] } | { ok: false; bad: string };

/** Values of a dimension as the query sees them: the code list's values when one is applied. */
export function valuesOf(dim: SDim, codelist: SCodelist | null): { code: string; label: string }[] {
  return codelist ? codelist.values : dim.values;
}

export function expand(values: { code: string }[], exprs: string[], isTime: boolean): Expansion {
  const codes = values.map((v) => v.code);
  const chosen = new Set<number>();
  const idx = (c: string) => codes.findIndex((x) => x.toLowerCase() === c.trim().toLowerCase());
  for (const raw of exprs) {
    const e = raw.trim();
    let hit: number[] = [];
    const f = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(e);
    if (f) {
      const kind = f[1].toLowerCase();
      if (kind === 'top' || kind === 'bottom') {
        const [n, off = '0'] = f[2].split(',');
        const count = Number(n);
        const offset = Number(off);
        if (!Number.isInteger(count) || count < 1 || !Number.isInteger(offset) || offset < 0) return { ok: false, bad: e };
        const all = codes.map((_, i) => i);
        const latest = kind === 'top' ? isTime : !isTime;
        hit = latest ? all.reverse().slice(offset, offset + count) : all.slice(offset, offset + count);
      } else if (kind === 'range') {
        const [a, b] = f[2].split(',').map(idx);
        if (a === undefined || b === undefined || a < 0 || b < 0) return { ok: false, bad: e };
        for (let i = Math.min(a, b); i <= Math.max(a, b); i++) hit.push(i);
      } else {
        const i = idx(f[2]);
        if (i < 0) return { ok: false, bad: e };
        hit = kind === 'from' ? codes.map((_, k) => k).filter((k) => k >= i) : codes.map((_, k) => k).filter((k) => k <= i);
      }
    } else if (e === '*') {
      hit = codes.map((_, i) => i);
    } else if (/[*?]/.test(e)) {
      const re = new RegExp('^' + e.split('').map((ch) => (ch === '*' ? '.*' : ch === '?' ? '.' : ch.replace(/[.+^${}()|[\]\\]/, '\\$&'))).join('') + '$', 'i');
      hit = codes.map((_, i) => i).filter((i) => re.test(codes[i]));
    } else {
      const i = idx(e);
      if (i < 0) return { ok: false, bad: e };
      hit = [i];
    }
    hit.forEach((i) => chosen.add(i));
  }
  return { ok: true, codes: [...chosen].sort((a, b) => a - b).map((i) => codes[i]) };
}

/** Sum of the table's own cells behind one output cell (eliminated dimensions and code lists summed). */
function evaluate(table: STable, dims: SDim[], selected: Map<string, Selected>, out: Record<string, string>, vintage: number): Cell {
  const lists = dims.map((d) => {
    const s = selected.get(d.id);
    if (!s) return d.values.map((v) => v.code);
    if (!s.codelist) return [out[d.id]];
    return s.codelist.values.find((v) => v.code === out[d.id])?.valueMap ?? [];
  });
  let sum = 0;
  let status: string | undefined;
  let missing = false;
  const counter = lists.map(() => 0);
  const n = lists.reduce((a, l) => a * l.length, 1);
  for (let i = 0; i < n; i++) {
    const codes: Record<string, string> = {};
    dims.forEach((d, k) => (codes[d.id] = lists[k][counter[k]]));
    const c = table.cell(codes, vintage);
    if (c.value === null) {
      missing = true;
      status ??= c.status;
    } else sum += c.value;
    for (let k = lists.length - 1; k >= 0; k--) {
      if (++counter[k] < lists[k].length) break;
      counter[k] = 0;
    }
  }
  return missing ? { value: null, status: status ?? '..' } : { value: sum };
}

interface DimJson {
  label: string;
  category: { index: Record<string, number>; label: Record<string, string>; unit?: Record<string, { base: string; decimals: number }> };
  extension: Record<string, unknown>;
}

function dimensionJson(d: SDim, codelist: SCodelist | null, codes: string[], linkBase: string, withCodelists: boolean): DimJson {
  const values = valuesOf(d, codelist);
  const label = new Map(values.map((v) => [v.code, v.label]));
  const category: DimJson['category'] = { index: Object.fromEntries(codes.map((c, i) => [c, i])), label: Object.fromEntries(codes.map((c) => [c, label.get(c) ?? c])) };
  if (d.units) category.unit = Object.fromEntries(codes.filter((c) => d.units![c]).map((c) => [c, d.units![c]]));
  const extension: Record<string, unknown> = { elimination: d.elimination, show: d.role === 'time' ? 'code' : 'value' };
  if (withCodelists) extension.codelists = d.codelists.map((c) => ({ id: c.id, label: c.label, type: c.type, links: [{ rel: 'metadata', hreflang: 'no', href: `${linkBase}/codelists/${c.id}?lang=no` }] }));
  return { label: d.label, category, extension };
}

function envelope(table: STable, vintage: number, dims: { d: SDim; codelist: SCodelist | null; codes: string[] }[], linkBase: string, metadata: boolean): Record<string, unknown> {
  const role: Record<string, string[]> = {};
  for (const { d } of dims) if (d.role) (role[d.role] ??= []).push(d.id);
  return {
    version: '2.0',
    class: 'dataset',
    label: table.label,
    source: 'Statistisk sentralbyrå',
    updated: table.updated(vintage),
    note: table.notes,
    role,
    id: dims.map((x) => x.d.id),
    size: dims.map((x) => x.codes.length),
    dimension: Object.fromEntries(dims.map((x) => [x.d.id, dimensionJson(x.d, x.codelist, x.codes, linkBase, metadata)])),
    extension: { px: { infofile: 'None', tableid: table.id, decimals: 0, 'official-statistics': !table.id.startsWith('9'), language: 'no', matrix: table.id } },
  };
}

export function metadataJson(table: STable, vintage: number, codelists: Map<string, SCodelist>, linkBase: string): Record<string, unknown> {
  const dims = table.dims(vintage).map((d) => {
    const cl = codelists.get(d.id) ?? null;
    return { d, codelist: cl, codes: valuesOf(d, cl).map((v) => v.code) };
  });
  return { ...envelope(table, vintage, dims, linkBase, true), value: [] };
}

export function dataJson(table: STable, vintage: number, selected: Map<string, Selected>, linkBase: string): Record<string, unknown> {
  const all = table.dims(vintage);
  const shown = all.filter((d) => selected.has(d.id)).map((d) => selected.get(d.id)!);
  const n = shown.reduce((a, s) => a * s.codes.length, 1);
  const value: (number | null)[] = new Array(n);
  const status: Record<string, string> = {};
  const counter = shown.map(() => 0);
  for (let i = 0; i < n; i++) {
    const out: Record<string, string> = {};
    shown.forEach((s, k) => (out[s.dim.id] = s.codes[counter[k]]));
    const c = evaluate(table, all, selected, out, vintage);
    value[i] = c.value;
    if (c.status) status[String(i)] = c.status;
    for (let k = shown.length - 1; k >= 0; k--) {
      if (++counter[k] < shown[k].codes.length) break;
      counter[k] = 0;
    }
  }
  const doc: Record<string, unknown> = { ...envelope(table, vintage, shown.map((s) => ({ d: s.dim, codelist: s.codelist, codes: s.codes })), linkBase, false), value };
  if (Object.keys(status).length) doc.status = status;
  return doc;
}
