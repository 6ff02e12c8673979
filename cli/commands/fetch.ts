/**
 * `analyze -- fetch --table ID --select "Dim=code,code" [--select …] [--codelist Dim=ID] [--api URL]
 *   [--lang no|en] --out FILE.json [--json]` fetches one Statistikkbanken table with the same client as
 * the dashboard (limits from /config, splitting, pacing, retries) and writes the reassembled JSON-stat 2
 * with its provenance in `extension["kostnadsnokkel-lab"].ssb`, ready for `import`/`inspect`.
 * `--select Dim=` (nothing after `=`) leaves a dimension out (SSB sums it); values may be
 * expressions: `Tid=top(5)`, `Region=*`, `Tid=range(2015,2020)`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Args } from '../args';
import { repeatedRaw, required } from '../args';
import { defineCommand } from '../command';
import { SsbClient } from '../../src/ssb/client';
import { assembleParts } from '../../src/ssb/assemble';
import { DEFAULT_SSB_API, normaliseApiBase } from '../../src/ssb/apiBase';
import { SsbError } from '../../src/ssb/errors';
import { provenanceFor } from '../../src/ssb/provenance';
import type { SsbDimSelection, SsbQuery } from '../../src/spec/sections/data';

/** `a,b,range(2015,2020)` → ['a', 'b', 'range(2015,2020)']: commas inside parentheses stay. */
export function splitCodes(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (ch === ',' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out.map((s) => s.trim()).filter(Boolean);
}

export function parseSelection(selects: string[], codelists: string[]): SsbDimSelection[] {
  const lists = new Map<string, string>();
  for (const c of codelists) {
    const eq = c.indexOf('=');
    if (eq <= 0) throw new Error(`--codelist må ha formen Dim=ID: «${c}» / --codelist must be Dim=ID: "${c}"`);
    lists.set(c.slice(0, eq).trim(), c.slice(eq + 1).trim());
  }
  const out = selects.map((s) => {
    const eq = s.indexOf('=');
    if (eq <= 0) throw new Error(`--select må ha formen Dim=kode,kode: «${s}» / --select must be Dim=code,code: "${s}"`);
    const variableCode = s.slice(0, eq).trim();
    return { variableCode, codelist: lists.get(variableCode) ?? null, valueCodes: splitCodes(s.slice(eq + 1)) };
  });
  for (const dim of lists.keys()) {
    if (!out.some((s) => s.variableCode === dim)) throw new Error(`--codelist ${dim}: dimensjonen mangler --select / dimension has no --select`);
  }
  return out;
}

export function apiFrom(args: Args): string {
  return normaliseApiBase(args.values.get('api') ?? process.env.SSB_API ?? DEFAULT_SSB_API);
}

export const fetchCommand = defineCommand({
  name: 'fetch',
  summary: 'hent en tabell fra SSB / fetch an SSB table: --table ID --select "Dim=kode,kode" [--codelist Dim=ID] [--api URL] --out FILE.json',
  options: [
    { name: 'table', kind: 'value', arg: 'ID', help: 'tabellnummer i Statistikkbanken / Statistikkbanken table id' },
    { name: 'select', kind: 'repeat', arg: '"Dim=kode,kode"', help: 'verdier av en dimensjon (Dim= utelater den) / values of a dimension (Dim= leaves it out)' },
    { name: 'codelist', kind: 'repeat', arg: 'Dim=ID', help: 'kodeliste for en dimensjon / codelist of a dimension' },
    { name: 'api', kind: 'value', arg: 'URL', help: 'API-adresse (standard SSB) / API base (default SSB)' },
    { name: 'lang', kind: 'value', choices: ['no', 'en'], help: 'språk (standard no) / language (default no)' },
    { name: 'out', kind: 'value', arg: 'FILE.json', help: 'fila som skrives / the file written' },
  ],
  async run(args: Args): Promise<number> {
    const tableId = required(args, 'table');
    const out = resolve(required(args, 'out'));
    const api = apiFrom(args);
    const lang = args.values.get('lang') === 'en' ? 'en' : 'no';
    const query: SsbQuery = { tableId, lang, selection: parseSelection(repeatedRaw(args, 'select'), repeatedRaw(args, 'codelist')) };
    const client = new SsbClient({ api, lang });
    const json = args.flags.has('json');
    try {
      const fetched = await client.fetchData(query, {
        onProgress: (p) => {
          if (json) return;
          const wait = p.waitingMs > 0 ? ` (venter ${Math.ceil(p.waitingMs / 1000)} s)` : '';
          process.stderr.write(`Tabell ${p.tableId}: ${p.done} av ${p.total} spørringer${wait}\n`);
        },
      });
      const provenance = provenanceFor(fetched, query, api);
      const assembled = assembleParts(fetched.parts, fetched.order, provenance);
      if (!assembled.bytes) {
        for (const p of assembled.problems) process.stderr.write(`${p.message} / ${p.messageEn}\n`);
        return 1;
      }
      writeFileSync(out, assembled.bytes);
      const summary = { table: tableId, title: provenance.title, updated: provenance.updated, fetched_at: provenance.fetchedAt, cells: provenance.cells, requests: provenance.urls.length, out };
      if (json) process.stdout.write(JSON.stringify(summary, null, 1) + '\n');
      else process.stdout.write(`Skrev ${provenance.cells} celler fra tabell ${tableId} (${provenance.urls.length} spørringer) til ${out}.\n`);
      return 0;
    } catch (e) {
      if (!(e instanceof SsbError)) throw e;
      if (json) process.stdout.write(JSON.stringify({ error: { code: e.problem.code, message: e.problem.message, message_en: e.problem.messageEn } }, null, 1) + '\n');
      else process.stderr.write(`${e.problem.message}\n`);
      return 1;
    }
  },
});
