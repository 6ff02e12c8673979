/**
 * The SSB stand-in for test files: started on the first free port of 4362–4369 (the range this
 * project's SSB tests use on the shared machine; 4360–4361 are for Playwright and manual runs), and
 * what the refresh tests share — table 12134 (frie inntekter per innbygger) for every municipality,
 * fetched and described as the source an import adds, and a switch to the stand-in's next vintage.
 */
import { afterAll, beforeAll } from 'vitest';
import { SsbClient } from '../../src/ssb/client';
import { provenanceFor } from '../../src/ssb/provenance';
import { sourceSpecSchema, type SsbQuery } from '../../src/spec/sections/data';
import { startStandin, type Standin, type StandinOptions } from './server';

export async function standinForTests(opts: Omit<StandinOptions, 'port'> = {}): Promise<Standin> {
  let last: unknown;
  for (let port = 4362; port <= 4369; port++) {
    try {
      return await startStandin({ ...opts, port });
    } catch (e) {
      last = e;
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  throw last;
}

/** A stand-in started before this file's tests and closed after them; call the getter inside a test. */
export function standinForFile(opts: Omit<StandinOptions, 'port'> = {}): () => Standin {
  let standin: Standin | undefined;
  beforeAll(async () => {
    standin = await standinForTests(opts);
  });
  afterAll(async () => {
    await standin?.close();
  });
  return () => {
    if (!standin) throw new Error('the SSB stand-in has not started');
    return standin;
  };
}

/** Table 12134, every municipality, frie inntekter per innbygger, for the periods `tid` selects. */
export function frieInntekterQuery(tid: string): SsbQuery {
  return {
    tableId: '12134',
    lang: 'no',
    selection: [
      { variableCode: 'KOKkommuneregion0000', codelist: null, valueCodes: ['????'] },
      { variableCode: 'ContentsCode', codelist: null, valueCodes: ['KOSAG110000'] },
      { variableCode: 'Tid', codelist: null, valueCodes: [tid] },
    ],
  };
}

/** Fetches `query` from `api` and describes it as the data source «Hent fra SSB» adds (provenance
 *  naming `provenanceApi`, the stand-in itself unless given). */
export async function fetchAsSource(api: string, query: SsbQuery, provenanceApi?: string) {
  const client = new SsbClient({ api });
  const fetched = await client.fetchData(query);
  const source = sourceSpecSchema.parse({
    id: `ssb_${query.tableId}`,
    fileName: `ssb-${query.tableId}.json`,
    format: 'json-stat',
    ssb: provenanceFor(fetched, query, provenanceApi ?? client.api),
  });
  return { fetched, source };
}

/** Runs `f` while the stand-in serves its next vintage (a new year, revised cells), then goes back. */
export async function atNextVintage<T>(standin: Standin, f: () => Promise<T>): Promise<T> {
  standin.setVintage(1);
  try {
    return await f();
  } finally {
    standin.setVintage(0);
  }
}
