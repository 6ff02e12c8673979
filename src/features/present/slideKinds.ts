/**
 * A chart or table slide names the view it lives in and the item's key: `chart:<viewId>:<key>` or
 * `table:<viewId>:<key>`. Keys are the items' test ids (stable across languages and models), so a
 * saved slide set still finds its items after a language switch or a reload.
 */
export interface ItemSlide {
  item: 'chart' | 'table';
  view: string;
  key: string;
}

export function itemSlideKind(s: ItemSlide): string {
  return `${s.item}:${s.view}:${s.key}`;
}

export function parseItemSlide(kind: string): ItemSlide | null {
  const m = /^(chart|table):([^:]+):(.+)$/.exec(kind);
  if (!m) return null;
  return { item: m[1] as 'chart' | 'table', view: m[2], key: m[3] };
}
