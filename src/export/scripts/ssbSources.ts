/**
 * The R and Stata code that fetches the same SSB queries the app fetched (the exact GET URLs in each
 * source's provenance), so a script reproduces the data as well as the models. R uses SSB's own client
 * (PxWebApiData::get_api_data_2: JSON-stat 2 → a data frame of codes); Stata reads the same query as
 * CSV (`outputFormat=csv&outputFormatParams=usecodes,separatorsemicolon` with every dimension in the
 * stub, the long layout of SSB's user guide examples). The code runs only when the user turns it on
 * (`hent_ssb <- TRUE` / `local hent_ssb 1`): by default the scripts read the exported analysis data.
 */
import type { AnalysisSpec } from '../../spec/schema';
import type { SourceSpec } from '../../spec/sections/data';
import { commentText, quoted } from './common';

function ssbSources(spec: AnalysisSpec): SourceSpec[] {
  return spec.data.sources.filter((s) => s.ssb && s.ssb.urls.length);
}

const objectName = (s: SourceSpec) => `ssb_${s.id.replace(/[^A-Za-z0-9_]/g, '_')}`.replace(/^ssb_ssb_/, 'ssb_');

function header(s: SourceSpec): string {
  const p = s.ssb!;
  return `Kilde ${s.id}: tabell ${p.query.tableId} «${p.title}», hentet ${p.fetchedAt.slice(0, 16)}, sist oppdatert av SSB ${p.updated?.slice(0, 16) ?? 'ukjent'}`;
}

/** The CSV form of a JSON-stat data URL: codes, `;`, every selected dimension in the stub. */
export function csvUrl(jsonUrl: string): string {
  const dims = [...jsonUrl.matchAll(/[?&]valueCodes\[([^\]]+)\]=/g)].map((m) => m[1]);
  return jsonUrl.replace('outputFormat=json-stat2', 'outputFormat=csv&outputFormatParams=usecodes,separatorsemicolon') + (dims.length ? `&stub=${dims.join(',')}` : '');
}

export function rSsbFetch(spec: AnalysisSpec): string[] {
  const sources = ssbSources(spec);
  if (!sources.length) return [];
  const out = [
    '# ---- SSB-tabellene: de samme spørringene som appen sendte (PxWebApi v2) ----',
    '# Sett hent_ssb <- TRUE for å hente dem på nytt (krever nett og install.packages("PxWebApiData")).',
    'hent_ssb <- FALSE',
    'if (hent_ssb) {',
  ];
  for (const s of sources) {
    out.push(`  # ${commentText(header(s))}`, `  ${objectName(s)} <- do.call(rbind, lapply(c(`);
    s.ssb!.urls.forEach((u, i) => out.push(`    ${quoted(u)}${i < s.ssb!.urls.length - 1 ? ',' : ''}`));
    out.push('  ), PxWebApiData::get_api_data_2))');
  }
  out.push('}', '');
  return out;
}

export function stataSsbFetch(spec: AnalysisSpec): string[] {
  const sources = ssbSources(spec);
  if (!sources.length) return [];
  const out = [
    '* ---- SSB-tabellene: de samme spørringene som appen sendte (PxWebApi v2, som CSV) ----',
    '* Sett hent_ssb til 1 for å hente dem på nytt (krever nett). Hver del lagres som egen .dta-fil.',
    'local hent_ssb 0',
    'if `hent_ssb\' {',
    '    preserve',
  ];
  for (const s of sources) {
    out.push(`    * ${commentText(header(s))}`);
    s.ssb!.urls.forEach((u, i) => {
      out.push(`    import delimited using ${quoted(csvUrl(u))}, delimiter(";") encoding("utf-8") varnames(1) stringcols(_all) clear`, `    save ${quoted(`${objectName(s)}_${i + 1}.dta`)}, replace`);
    });
  }
  out.push('    restore', '}', '');
  return out;
}
