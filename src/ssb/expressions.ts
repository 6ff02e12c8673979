/**
 * PxWebApi v2 selection expressions, expanded against a dimension's values the way the server does
 * (PxTools/PxWebApi PxWeb/Code/Api2/DataSelection/SelectionExpressions/*.cs): `*`, `abc*`, `*abc`,
 * `*abc*`, `?` masks, `top(n[,offset])` (time: the latest n), `bottom(n[,offset])`, `from(x)`,
 * `to(x)`, `range(a,b)`, or a plain code (case-insensitive). The client expands before fetching so it
 * can count cells and split a selection; the result is in the table's order, as the server sorts it.
 */
import type { DimensionMeta } from './types';

export interface Expanded {
  codes: string[];
  /** Codes or expressions that matched nothing, by the text the user gave. */
  unknown: string[];
}

function indexOf(dim: DimensionMeta, code: string): number {
  const lower = code.toLowerCase();
  return dim.codes.findIndex((c) => c.toLowerCase() === lower);
}

function countAndOffset(args: string): { count: number; offset: number } | null {
  const m = /^([1-9]\d*)(?:,(\d+))?$/.exec(args.replace(/\s+/g, ''));
  return m ? { count: Number(m[1]), offset: m[2] ? Number(m[2]) : 0 } : null;
}

/** Indices selected by one expression, or null when it matches nothing / is not valid. */
function expandOne(dim: DimensionMeta, expr: string): number[] | null {
  const e = expr.trim();
  const n = dim.codes.length;
  const all = dim.codes.map((_, i) => i);
  const fn = /^(top|bottom|from|to|range)\((.*)\)$/i.exec(e);
  if (fn) {
    const name = fn[1].toLowerCase();
    const args = fn[2];
    if (name === 'top' || name === 'bottom') {
      const co = countAndOffset(args);
      if (!co) return null;
      // Time is always ascending: top = the latest n, bottom = the earliest n (TopExpression.cs).
      const fromEnd = (name === 'top') === (dim.role === 'time');
      const picked = fromEnd ? all.slice(Math.max(0, n - co.offset - co.count), Math.max(0, n - co.offset)) : all.slice(co.offset, co.offset + co.count);
      return picked.length ? picked : null;
    }
    if (name === 'from' || name === 'to') {
      const i = indexOf(dim, args.trim());
      if (i < 0) return null;
      return name === 'from' ? all.slice(i) : all.slice(0, i + 1);
    }
    const parts = args.split(',');
    if (parts.length !== 2) return null;
    const a = indexOf(dim, parts[0].trim());
    const b = indexOf(dim, parts[1].trim());
    if (a < 0 || b < 0) return null;
    return all.slice(Math.min(a, b), Math.max(a, b) + 1);
  }
  if (e === '*') return all;
  if (e.includes('*')) {
    const starts = e.startsWith('*');
    const ends = e.endsWith('*');
    const core = e.replace(/^\*|\*$/g, '').toLowerCase();
    if (core.includes('*')) return null;
    const hits = all.filter((i) => {
      const c = dim.codes[i].toLowerCase();
      return starts && ends ? c.includes(core) : starts ? c.endsWith(core) : c.startsWith(core);
    });
    return hits.length ? hits : null;
  }
  if (e.includes('?')) {
    const re = new RegExp(`^${e.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\?/g, '.')}$`, 'i');
    const hits = all.filter((i) => re.test(dim.codes[i]));
    return hits.length ? hits : null;
  }
  const i = indexOf(dim, e);
  return i < 0 ? null : [i];
}

/** True when the text is an expression rather than a plain value code. */
export function isExpression(valueCode: string): boolean {
  return /[*?]/.test(valueCode) || /^(?:top|bottom|from|to|range)\(.*\)$/i.test(valueCode.trim());
}

export function expandValueCodes(dim: DimensionMeta, valueCodes: string[]): Expanded {
  const picked = new Set<number>();
  const unknown: string[] = [];
  for (const v of valueCodes) {
    const hit = expandOne(dim, v);
    if (!hit) unknown.push(v);
    else for (const i of hit) picked.add(i);
  }
  return { codes: [...picked].sort((a, b) => a - b).map((i) => dim.codes[i]), unknown };
}
