/**
 * Running a recipe against the API's metadata before anything is fetched: for each item, the known
 * table (its title checked) or else the first table the search finds whose title and statistic fit;
 * then a query with every required code present. What is not there — a table, a function code, an
 * art, a statistic — is listed by name, never skipped silently.
 */
import type { SsbDimSelection, SsbQuery } from '../../spec/sections/data';
import type { SsbClient } from '../client';
import { SsbError } from '../errors';
import type { DimensionMeta, TableMeta } from '../types';
import { mergedSeriesList } from '../mergedSeries';
import type { Named, RecipeItem } from './types';

export interface ResolvedItem {
  item: RecipeItem;
  /** The item can be fetched with `query`. */
  ok: boolean;
  tableId: string | null;
  title: string | null;
  query: SsbQuery | null;
  /** Required things not found (the item is then not fetched). */
  missing: Named[];
  /** Optional codes found and not found. */
  optionalFound: string[];
  optionalMissing: Named[];
  /** The statistic chosen (contents code). */
  contents: string | null;
  /** The table's years (its time dimension), for aligning the items. */
  years: string[];
}

const has = (d: DimensionMeta, code: string) => d.codes.find((c) => c.toLowerCase() === code.toLowerCase()) ?? null;

/** The query for one item on one table, and what is missing from that table. */
export function queryFor(item: RecipeItem, meta: TableMeta, years: number): Omit<ResolvedItem, 'item' | 'ok'> {
  const missing: Named[] = [];
  const optionalFound: string[] = [];
  const optionalMissing: Named[] = [];
  let contents: string | null = null;
  const selection: SsbDimSelection[] = [];
  for (const d of meta.dimensions) {
    const rule = item.dims.find((r) => r.match.test(d.id))?.rule;
    if (!rule && d.role === 'geo') {
      const merged = mergedSeriesList(d.codelists);
      selection.push({ variableCode: d.id, codelist: merged?.id ?? null, valueCodes: [merged ? '*' : '????'] });
      continue;
    }
    if (!rule && d.role === 'time') {
      selection.push({ variableCode: d.id, codelist: null, valueCodes: [`top(${Math.max(1, Math.min(years, d.codes.length))})`] });
      continue;
    }
    if (!rule) {
      if (d.elimination) selection.push({ variableCode: d.id, codelist: null, valueCodes: [] });
      else if (d.codes.length === 1) selection.push({ variableCode: d.id, codelist: null, valueCodes: d.codes });
      else missing.push({ nb: `et valg for dimensjonen ${d.id} («${d.label}»), som oppskriften ikke kjenner`, en: `a choice for dimension ${d.id} ("${d.label}"), which the recipe does not know` });
      continue;
    }
    if (rule.kind === 'eliminate') {
      if (d.elimination) selection.push({ variableCode: d.id, codelist: null, valueCodes: [] });
      else missing.push({ nb: `at dimensjonen ${d.id} kan utelates`, en: `that dimension ${d.id} may be left out` });
    } else if (rule.kind === 'all') {
      selection.push({ variableCode: d.id, codelist: null, valueCodes: ['*'] });
    } else if (rule.kind === 'label') {
      const i = d.labels.findIndex((l) => rule.pattern.test(l));
      if (i < 0) missing.push(rule.name);
      else {
        selection.push({ variableCode: d.id, codelist: null, valueCodes: [d.codes[i]] });
        if (d.role === 'metric' || /^ContentsCode$/i.test(d.id)) contents = d.codes[i];
      }
    } else {
      const codes: string[] = [];
      for (const w of rule.codes) {
        const c = has(d, w.code);
        if (c) codes.push(c);
        else missing.push(w.name);
      }
      for (const w of rule.optional ?? []) {
        const c = has(d, w.code);
        if (c) {
          codes.push(c);
          optionalFound.push(c);
        } else optionalMissing.push(w.name);
      }
      selection.push({ variableCode: d.id, codelist: null, valueCodes: codes });
      if ((d.role === 'metric' || /^ContentsCode$/i.test(d.id)) && codes.length) contents = codes[0];
    }
  }
  for (const r of item.dims) {
    if (!meta.dimensions.some((d) => r.match.test(d.id)) && r.rule.kind !== 'eliminate') {
      missing.push(r.rule.kind === 'label' ? r.rule.name : r.rule.kind === 'codes' ? r.rule.codes[0].name : { nb: `dimensjonen ${String(r.match)}`, en: `dimension ${String(r.match)}` });
    }
  }
  const time = meta.dimensions.find((d) => d.role === 'time');
  return { tableId: meta.id, title: meta.label, query: { tableId: meta.id, lang: 'no', selection }, missing, optionalFound, optionalMissing, contents, years: time?.codes ?? [] };
}

/** Resolves one item: its table number first, then the search; the first table that fits wins. */
export async function resolveItem(client: SsbClient, item: RecipeItem, years: number, signal?: AbortSignal): Promise<ResolvedItem> {
  const tried: string[] = [];
  let best: ResolvedItem | null = null;
  const consider = async (id: string): Promise<ResolvedItem | null> => {
    if (tried.includes(id)) return null;
    tried.push(id);
    let meta: TableMeta;
    try {
      meta = await client.getMetadata(id, {}, signal);
    } catch (e) {
      if (e instanceof SsbError && (e.kind === 'cancelled' || e.kind === 'offline')) throw e;
      return null;
    }
    if (!item.titlePattern.test(meta.label)) return null;
    const q = queryFor(item, meta, years);
    const r: ResolvedItem = { item, ok: q.missing.length === 0, ...q };
    if (!best || r.missing.length < best.missing.length) best = r;
    return r.ok ? r : null;
  };
  if (item.table) {
    const r = await consider(item.table);
    if (r) return r;
  }
  if (item.search) {
    const hits = await client.searchTables(item.search, signal).catch((e: unknown) => {
      if (e instanceof SsbError && (e.kind === 'cancelled' || e.kind === 'offline')) throw e;
      return { tables: [] };
    });
    for (const t of hits.tables.slice(0, 5)) {
      const r = await consider(t.id);
      if (r) return r;
    }
  }
  if (best) return best;
  const where = [item.table ? `tabell ${item.table}` : '', item.search ? `søket «${item.search}»` : ''].filter(Boolean).join(' eller ');
  const whereEn = [item.table ? `table ${item.table}` : '', item.search ? `the search "${item.search}"` : ''].filter(Boolean).join(' or ');
  return {
    item,
    ok: false,
    tableId: null,
    title: null,
    query: null,
    missing: [{ nb: `en tabell for ${item.name.nb} (ingen treff i ${where})`, en: `a table for ${item.name.en} (nothing found in ${whereEn})` }],
    optionalFound: [],
    optionalMissing: [],
    contents: null,
    years: [],
  };
}

/**
 * Tables end in different years (population one year ahead of the accounts), so «the latest n years»
 * per table would not overlap. The items start at the same year instead: the first of the latest n
 * years every table has (`from(year)`, so a refresh still brings in new years). Returns that year, or
 * null when the tables share no year (the items then keep `top(n)`).
 */
export function alignYears(items: ResolvedItem[], n: number): string | null {
  const usable = items.filter((it) => it.ok && it.query && it.years.length);
  if (!usable.length) return null;
  const common = usable.map((it) => new Set(it.years)).reduce((a, b) => new Set([...a].filter((y) => b.has(y))));
  const shared = [...common].sort();
  if (!shared.length) return null;
  const first = shared[Math.max(0, shared.length - Math.max(1, n))];
  for (const it of usable) {
    const time = it.query!.selection.find((sel) => /^top\(/.test(sel.valueCodes[0] ?? ''));
    if (time) time.valueCodes = [`from(${first})`];
  }
  return first;
}
