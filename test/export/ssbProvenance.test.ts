/**
 * A source fetched from SSB carries its provenance into the exports: the «Om analysen» lines (and so the
 * Excel sheet), and R/Stata code that fetches the same query again.
 */
import { describe, expect, it } from 'vitest';
import { emptySpec } from '../../src/spec/schema';
import { sourceSpecSchema, type SsbProvenance } from '../../src/spec/sections/data';
import { describeSpec } from '../../src/export/describeSpec';
import { generateRScript } from '../../src/export/scripts/rScript';
import { generateStataScript } from '../../src/export/scripts/stataScript';
import { csvUrl } from '../../src/export/scripts/ssbSources';

const URL1 = 'https://data.ssb.no/api/pxwebapi/v2/tables/12367/data?lang=no&outputFormat=json-stat2&valueCodes[KOKkommuneregion0000]=0301,1101&valueCodes[KOKfunksjon0000]=244&valueCodes[Tid]=2023,2024';
const URL2 = URL1.replace('0301,1101', '1103');

function spec() {
  const s = emptySpec();
  const ssb: SsbProvenance = {
    api: 'https://data.ssb.no/api/pxwebapi/v2',
    query: { tableId: '12367', lang: 'no', selection: [{ variableCode: 'KOKfunksjon0000', codelist: null, valueCodes: ['244'] }, { variableCode: 'Tid', codelist: null, valueCodes: ['top(2)'] }] },
    title: '12367: Detaljerte regnskapstall',
    updated: '2025-06-15T06:00:00Z',
    fetchedAt: '2026-05-01T10:00:00.000Z',
    urls: [URL1, URL2],
    cells: 6,
    recipe: null,
  };
  s.data.sources.push(sourceSpecSchema.parse({ id: 'ssb_12367', fileName: 'ssb-12367.json', format: 'json-stat', ssb }));
  return s;
}

describe('SSB provenance in exports', () => {
  it('«Om analysen» names the table, title, query, fetch time and SSB’s last update', () => {
    const line = describeSpec(spec(), 'nb').find((l) => l.key === 'Hentet fra SSB: ssb_12367');
    expect(line?.value).toBe(
      'SSB-tabell 12367 «12367: Detaljerte regnskapstall», hentet 2026-05-01 10:00 fra https://data.ssb.no/api/pxwebapi/v2, sist oppdatert av SSB 2025-06-15 06:00; 2 spørringer, 6 celler. Utvalg: KOKfunksjon0000: 244 · Tid: top(2)',
    );
    expect(describeSpec(spec(), 'en').some((l) => l.key === 'Fetched from SSB: ssb_12367')).toBe(true);
  });

  it('the R script fetches the same URLs with SSB’s PxWebApiData, off by default', () => {
    const r = generateRScript(spec(), { generatedAt: new Date(0) });
    expect(r).toContain('hent_ssb <- FALSE');
    expect(r).toContain(`ssb_12367 <- do.call(rbind, lapply(c(\n    "${URL1}",\n    "${URL2}"\n  ), PxWebApiData::get_api_data_2))`);
  });

  it('the Stata do-file imports the same queries as CSV, every dimension in the stub', () => {
    const d = generateStataScript(spec(), { generatedAt: new Date(0) });
    expect(csvUrl(URL1)).toBe(URL1.replace('outputFormat=json-stat2', 'outputFormat=csv&outputFormatParams=usecodes,separatorsemicolon') + '&stub=KOKkommuneregion0000,KOKfunksjon0000,Tid');
    expect(d).toContain(`import delimited using "${csvUrl(URL2)}", delimiter(";")`);
    expect(d).toContain('save "ssb_12367_2.dta", replace');
    expect(d).toMatch(/local hent_ssb 0\nif `hent_ssb' \{/);
  });
});
