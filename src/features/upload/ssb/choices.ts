/**
 * The query builder's choices per dimension and the PxWebApi selection they make. Municipalities:
 * all (`????`: the four-digit codes; aggregates like EAK or EKG16 are not four digits) or, with a code
 * list, every value of the list (`*`); years: all, the latest n (`top(n)`, which a refresh re-reads, so
 * new years come in) or a range; other dimensions: chosen values, all, or left out where the table
 * allows it (SSB then sums them). Expressions are kept, not expanded, so the stored query means the
 * same thing when it is fetched again.
 */
import type { SsbDimSelection } from '../../../spec/sections/data';
import type { DimensionMeta, TableMeta } from '../../../ssb/types';
import { mergedSeriesList } from '../../../ssb/mergedSeries';

export type ChoiceMode = 'all' | 'codes' | 'eliminate' | 'last' | 'range';

export interface DimChoice {
  mode: ChoiceMode;
  codes: string[];
  last: number;
  from: string;
  to: string;
  codelist: string | null;
}

export { mergedSeriesList };

export function defaultChoice(d: DimensionMeta): DimChoice {
  const base: DimChoice = { mode: 'codes', codes: d.codes.slice(0, 1), last: Math.min(5, d.codes.length), from: d.codes[0] ?? '', to: d.codes[d.codes.length - 1] ?? '', codelist: null };
  if (d.role === 'geo') return { ...base, mode: 'all', codes: [], codelist: mergedSeriesList(d.codelists)?.id ?? null };
  if (d.role === 'time') return { ...base, mode: 'last' };
  if (d.role !== 'metric' && d.elimination) return { ...base, mode: 'eliminate', codes: [] };
  return base;
}

export function valueCodes(d: DimensionMeta, c: DimChoice): string[] {
  switch (c.mode) {
    case 'eliminate':
      return [];
    case 'all':
      return d.role === 'geo' && !c.codelist && d.codes.some((x) => /^\d{4}$/.test(x)) ? ['????'] : ['*'];
    case 'last':
      return [`top(${Math.max(1, Math.min(c.last, d.codes.length))})`];
    case 'range':
      return [`range(${c.from},${c.to})`];
    default:
      return c.codes;
  }
}

export function toSelection(meta: TableMeta, choices: Record<string, DimChoice>): SsbDimSelection[] {
  return meta.dimensions.map((d) => {
    const c = choices[d.id] ?? defaultChoice(d);
    return { variableCode: d.id, codelist: c.codelist, valueCodes: valueCodes(d, c) };
  });
}

/** Code lists the choices apply, as the metadata request needs them. */
export function chosenCodelists(choices: Record<string, DimChoice>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [id, c] of Object.entries(choices)) if (c.codelist) out[id] = c.codelist;
  return out;
}
