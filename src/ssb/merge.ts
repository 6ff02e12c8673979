/**
 * Reassembling the JSON-stat 2 answers of a split request into the one dataset a single request
 * would have given: every dimension's values in the order of the whole selection (the server sorts by
 * the table's order, so that is the order of the parts put together), values row-major over `id`, and
 * `status` symbols (`.` `..` `:`) moved to their new flat index. Cells no part covered, and cells two
 * parts gave differently, are counted so the caller can refuse a broken result instead of using it.
 */
import { isObject, type Json, type JsonObject } from '../ingest/jsonstat';

export interface MergeResult {
  doc: JsonObject;
  /** Cells of the whole selection no part contained. */
  uncovered: number;
  /** Cells given by more than one part with different values. */
  conflicts: number;
}

interface PartDim {
  codes: string[];
  dim: JsonObject;
}

function partDims(doc: JsonObject): Map<string, PartDim> | string {
  if (!Array.isArray(doc.id) || !isObject(doc.dimension)) return 'id/dimension';
  const out = new Map<string, PartDim>();
  for (const raw of doc.id) {
    const id = String(raw);
    const d = doc.dimension[id];
    if (!isObject(d) || !isObject(d.category)) return id;
    const codes: string[] = [];
    const index = d.category.index;
    if (isObject(index)) for (const [c, i] of Object.entries(index)) codes[Number(i)] = c;
    else if (Array.isArray(index)) index.forEach((c) => codes.push(String(c)));
    else if (isObject(d.category.label)) codes.push(...Object.keys(d.category.label));
    out.set(id, { codes, dim: d });
  }
  return out;
}

function statusAt(status: Json | undefined, i: number): string | undefined {
  if (typeof status === 'string') return status;
  if (Array.isArray(status)) return typeof status[i] === 'string' ? (status[i] as string) : undefined;
  if (isObject(status)) return typeof status[String(i)] === 'string' ? (status[String(i)] as string) : undefined;
  return undefined;
}

function valueAt(value: Json | undefined, i: number): number | null {
  const v = Array.isArray(value) ? value[i] : isObject(value) ? value[String(i)] : null;
  return typeof v === 'number' ? v : null;
}

/** Sub-object of a category map (label, unit …) restricted to the merged codes. */
function pick(map: Json | undefined, codes: string[]): JsonObject | undefined {
  if (!isObject(map)) return undefined;
  const out: JsonObject = {};
  for (const c of codes) if (c in map) out[c] = map[c];
  return out;
}

/**
 * `order` gives each dimension's codes for the whole selection (from the query); codes a part has that
 * the order lacks are appended in the order met. Throws only on parts of different tables/shapes.
 */
export function mergeJsonStat(parts: JsonObject[], order: Record<string, string[]> = {}): MergeResult {
  if (parts.length === 0) throw new Error('ingen deler å sette sammen');
  const dimsOf = parts.map(partDims);
  const bad = dimsOf.findIndex((d) => typeof d === 'string');
  if (bad >= 0) throw new Error(`del ${bad + 1}: ugyldig JSON-stat (${String(dimsOf[bad])})`);
  const maps = dimsOf as Map<string, PartDim>[];
  const ids = (parts[0].id as Json[]).map(String);
  for (const [k, m] of maps.entries()) {
    if (m.size !== ids.length || ids.some((id) => !m.has(id))) throw new Error(`del ${k + 1} har andre dimensjoner enn del 1`);
  }
  const merged = ids.map((id) => {
    const seen = new Set<string>();
    const codes: string[] = [];
    const present = new Set(maps.flatMap((m) => m.get(id)!.codes));
    const add = (c: string) => {
      if (seen.has(c)) return;
      seen.add(c);
      codes.push(c);
    };
    for (const c of order[id] ?? []) if (present.has(c)) add(c);
    for (const m of maps) for (const c of m.get(id)!.codes) add(c);
    return codes;
  });
  const size = merged.map((c) => c.length);
  const total = size.reduce((a, b) => a * b, 1);
  const strides = new Array<number>(ids.length);
  for (let k = ids.length - 1, s = 1; k >= 0; k--) {
    strides[k] = s;
    s *= size[k];
  }
  const value: (number | null)[] = new Array(total).fill(null);
  const status: Record<string, string> = {};
  const covered = new Uint8Array(total);
  let conflicts = 0;
  for (const [p, part] of parts.entries()) {
    const m = maps[p];
    const local = ids.map((id, k) => {
      const pos = new Map(merged[k].map((c, i) => [c, i]));
      return m.get(id)!.codes.map((c) => pos.get(c)!);
    });
    const psize = local.map((l) => l.length);
    const n = psize.reduce((a, b) => a * b, 1);
    const counter = new Array<number>(ids.length).fill(0);
    for (let i = 0; i < n; i++) {
      let j = 0;
      for (let k = 0; k < ids.length; k++) j += local[k][counter[k]] * strides[k];
      const v = valueAt(part.value, i);
      const st = statusAt(part.status, i);
      if (covered[j]) {
        if (value[j] !== v || (status[j] ?? undefined) !== st) conflicts++;
      } else {
        covered[j] = 1;
        value[j] = v;
        if (st !== undefined) status[j] = st;
      }
      for (let k = ids.length - 1; k >= 0; k--) {
        if (++counter[k] < psize[k]) break;
        counter[k] = 0;
      }
    }
  }
  let uncovered = 0;
  for (let j = 0; j < total; j++) if (!covered[j]) uncovered++;

  const first = parts[0];
  const dimension: JsonObject = {};
  ids.forEach((id, k) => {
    const base = maps.find((m) => m.get(id))!.get(id)!.dim;
    const labels: JsonObject = {};
    const units: JsonObject = {};
    for (const m of maps) {
      const cat = m.get(id)!.dim.category as JsonObject;
      Object.assign(labels, pick(cat.label, merged[k]) ?? {});
      Object.assign(units, pick(cat.unit, merged[k]) ?? {});
    }
    const category: JsonObject = { ...(base.category as JsonObject), index: Object.fromEntries(merged[k].map((c, i) => [c, i])), label: labels };
    if (Object.keys(units).length) category.unit = units;
    else delete category.unit;
    dimension[id] = { ...base, category };
  });
  const updated = parts.map((p) => (typeof p.updated === 'string' ? p.updated : '')).sort().pop();
  const doc: JsonObject = { ...first, id: ids, size, dimension, value };
  if (updated) doc.updated = updated;
  if (Object.keys(status).length) doc.status = status;
  else delete doc.status;
  return { doc, uncovered, conflicts };
}
