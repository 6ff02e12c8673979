/**
 * Cutting a JSON-stat 2 dataset to a block of codes per dimension — the answer a narrower request
 * would have had. Tests use it to check that reassembly (merge.ts) undoes a split cell for cell.
 */
import { isObject, type JsonObject } from '../ingest/jsonstat';

export function codesOf(doc: JsonObject, id: string): string[] {
  const d = (doc.dimension as JsonObject)[id] as JsonObject;
  const index = (d.category as JsonObject).index as Record<string, number>;
  const out: string[] = [];
  for (const [c, i] of Object.entries(index)) out[i] = c;
  return out;
}

export function block(doc: JsonObject, keep: Record<string, string[]>): JsonObject {
  const ids = (doc.id as string[]).map(String);
  const full = ids.map((id) => codesOf(doc, id));
  const kept = ids.map((id, k) => (keep[id] ? full[k].filter((c) => keep[id].includes(c)) : full[k]));
  const size = kept.map((c) => c.length);
  const fullSize = full.map((c) => c.length);
  const strides = fullSize.map((_, k) => fullSize.slice(k + 1).reduce((a, b) => a * b, 1));
  const value: (number | null)[] = [];
  const status: Record<string, string> = {};
  const srcStatus = isObject(doc.status) ? (doc.status as Record<string, string>) : {};
  const counter = size.map(() => 0);
  const n = size.reduce((a, b) => a * b, 1);
  for (let i = 0; i < n; i++) {
    let j = 0;
    for (let k = 0; k < ids.length; k++) j += full[k].indexOf(kept[k][counter[k]]) * strides[k];
    value.push((doc.value as (number | null)[])[j]);
    if (srcStatus[String(j)] !== undefined) status[String(i)] = srcStatus[String(j)];
    for (let k = ids.length - 1; k >= 0; k--) {
      if (++counter[k] < size[k]) break;
      counter[k] = 0;
    }
  }
  const dimension: JsonObject = {};
  ids.forEach((id, k) => {
    const d = (doc.dimension as JsonObject)[id] as JsonObject;
    const cat = d.category as JsonObject;
    const labels = cat.label as Record<string, string>;
    const category: JsonObject = { ...cat, index: Object.fromEntries(kept[k].map((c, i) => [c, i])), label: Object.fromEntries(kept[k].map((c) => [c, labels[c]])) };
    if (isObject(cat.unit)) category.unit = Object.fromEntries(kept[k].filter((c) => c in (cat.unit as JsonObject)).map((c) => [c, (cat.unit as JsonObject)[c]]));
    dimension[id] = { ...d, category };
  });
  const out: JsonObject = { ...doc, size, dimension, value };
  if (Object.keys(status).length) out.status = status;
  else delete out.status;
  return out;
}
