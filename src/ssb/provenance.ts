/**
 * The provenance record of a fetched source (spec `SourceSpec.ssb`), and its plain-language summary
 * for the source card, the «Om analysen» sheet and the scripts.
 */
import type { SsbProvenance, SsbQuery } from '../spec/sections/data';
import type { FetchedData } from './client';

export function provenanceFor(fetched: FetchedData, query: SsbQuery, api: string, recipe: string | null = null): SsbProvenance {
  return {
    api,
    query,
    title: fetched.meta.label,
    updated: fetched.meta.updated,
    fetchedAt: fetched.fetchedAt,
    urls: fetched.urls,
    cells: fetched.cells,
    recipe,
  };
}

/** `Region (agg_KommSummer): * · ContentsCode: KOSbelop0000 · Tid: top(5)` — the query as the user chose it. */
export function describeQuery(query: SsbQuery, lang: 'nb' | 'en' = 'nb'): string {
  return query.selection
    .map((s) => `${s.variableCode}${s.codelist ? ` (${s.codelist})` : ''}: ${s.valueCodes.length ? s.valueCodes.join(', ') : lang === 'nb' ? 'summert (utelatt)' : 'summed (left out)'}`)
    .join(' · ');
}

/** `12367 «Detaljerte regnskapstall …», hentet 2026-05-01 10:00, oppdatert av SSB 2025-06-15`. */
export function describeProvenance(p: SsbProvenance, lang: 'nb' | 'en' = 'nb'): string {
  const day = (iso: string | null) => (iso ? iso.replace('T', ' ').slice(0, 16) : lang === 'nb' ? 'ukjent' : 'unknown');
  return lang === 'nb'
    ? `SSB-tabell ${p.query.tableId} «${p.title}», hentet ${day(p.fetchedAt)} fra ${p.api}, sist oppdatert av SSB ${day(p.updated)}; ${p.urls.length} spørring${p.urls.length === 1 ? '' : 'er'}, ${p.cells} celler. Utvalg: ${describeQuery(p.query, lang)}`
    : `SSB table ${p.query.tableId} "${p.title}", fetched ${day(p.fetchedAt)} from ${p.api}, last updated by SSB ${day(p.updated)}; ${p.urls.length} request${p.urls.length === 1 ? '' : 's'}, ${p.cells} cells. Selection: ${describeQuery(p.query, lang)}`;
}
