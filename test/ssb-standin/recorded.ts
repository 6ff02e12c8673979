/**
 * Real PxWebApi answers the stand-in replays, read in place from ../shared/data/real (never copied
 * into the project): the 12134 JSON-stat 2 body and the error bodies of a load-test log, the KS
 * fixture of table 12367 (with `.` and `:` symbols), and Klass 131's municipality list of
 * 1 January 2026 (the 357 municipalities every generated table uses). When ../shared is absent the
 * stand-in falls back to generated names — except under CI=true, where that is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const REAL_DIR = process.env.KNL_REAL_DIR ?? resolve(here, '../../../shared/data/real');
const V2 = 'ssb-pxwebapi2-12134-and-klass131-responses';
const KS = 'ssb-kostra-12367-12191-08655-jsonstat2-with-status';

export interface Recorded {
  /** `GET …/tables/12134/data?…valuecodes[KOKkommuneregion0000]=0301,4601,5001&…KOSAG110000&…2024`. */
  body12134: string;
  /** KS's 12367 fixture (JSON-stat 2 with status symbols). */
  fixture12367: Record<string, unknown>;
  /** Error bodies by title: «Non-existent table», «Non-existent value», «Missing selection …». */
  errors: Map<string, string>;
  /** The HTML 404 page the server gave for an over-long GET URL. */
  notFoundHtml: string;
  /** Municipalities valid 1 January 2026 (code, name), without 9999 «Uoppgitt». */
  municipalities: { code: string; name: string }[];
}

export function loadRecorded(): Recorded | null {
  if (!existsSync(resolve(REAL_DIR, V2))) {
    if (process.env.CI === 'true') throw new Error(`SSB-stand-in: finner ikke ${REAL_DIR}/${V2} (kreves når CI=true)`);
    return null;
  }
  const log = JSON.parse(readFileSync(resolve(REAL_DIR, V2, 'spike-results-2026-04-25T10-35-12-819Z.json'), 'utf8')) as {
    smoke: { body: string };
    singleBatch: { body: string };
    klass: { body: string };
    errors: { snippet: string }[];
  };
  const errors = new Map<string, string>();
  for (const e of log.errors) {
    const title = (JSON.parse(e.snippet) as { title: string }).title;
    if (!errors.has(title)) errors.set(title, e.snippet);
  }
  const klass = JSON.parse(log.klass.body) as { codes: { code: string; name: string }[] };
  return {
    body12134: log.smoke.body,
    fixture12367: JSON.parse(readFileSync(resolve(REAL_DIR, KS, 'resultatTest.12367.json'), 'utf8')) as Record<string, unknown>,
    errors,
    notFoundHtml: log.singleBatch.body,
    municipalities: klass.codes.filter((c) => c.code !== '9999').map((c) => ({ code: c.code, name: c.name })),
  };
}
