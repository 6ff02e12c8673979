/**
 * The PxWebApi client against the stand-in server (no internet): limits read from /config, splitting
 * and reassembly equal to one request cell for cell, «Too many cells selected» answered by a further
 * split, URL length, 429/503/dropped/slow answers retried, plain-Norwegian error bodies, offline and
 * cancel. Waits go through a recording clock, so no test sleeps for real.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsbClient } from '../../src/ssb/client';
import { SsbError } from '../../src/ssb/errors';
import { mergeJsonStat } from '../../src/ssb/merge';
import type { Clock } from '../../src/ssb/pacing';
import type { JsonObject } from '../../src/ingest/jsonstat';
import type { SsbQuery } from '../../src/spec/sections/data';
import { standinForTests } from '../ssb-standin/forTests';
import type { Standin } from '../ssb-standin/server';

function recordingClock(): Clock & { sleeps: number[] } {
  let t = Date.parse('2026-01-01T00:00:00Z');
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms, signal) => {
      if (signal?.aborted) throw signal.reason;
      sleeps.push(ms);
      t += ms;
    },
  };
}

const decode = (b: Uint8Array) => JSON.parse(new TextDecoder().decode(b)) as JsonObject;

const BARNEVERN: SsbQuery = {
  tableId: '12367',
  lang: 'no',
  selection: [
    { variableCode: 'KOKkommuneregion0000', codelist: null, valueCodes: ['????'] },
    { variableCode: 'KOKregnskapsomfa0000', codelist: null, valueCodes: ['A'] },
    { variableCode: 'KOKfunksjon0000', codelist: null, valueCodes: ['244', '251', '252'] },
    { variableCode: 'KOKart0000', codelist: null, valueCodes: ['AGD10', '590'] },
    { variableCode: 'ContentsCode', codelist: null, valueCodes: ['KOSbelop0000'] },
    { variableCode: 'Tid', codelist: null, valueCodes: ['top(4)'] },
  ],
};

let big: Standin;
let small: Standin;
let strict: Standin;

beforeAll(async () => {
  big = await standinForTests({ calls: 10_000 });
  small = await standinForTests({ calls: 10_000, maxCells: 3000 });
  // Says 800 000 in /config but refuses more than 2 500 cells: «Too many cells selected».
  strict = await standinForTests({ calls: 10_000, enforceCells: 2500, slowMs: 400 });
});
afterAll(async () => {
  await Promise.all([big?.close(), small?.close(), strict?.close()]);
});

describe('PxWebApi v2 client against the stand-in', () => {
  it('reads the limits from /config and finds tables by number and by words', async () => {
    const client = new SsbClient({ api: small.api, clock: recordingClock() });
    const cfg = await client.getConfig();
    expect(cfg.maxDataCells).toBe(3000);
    expect(cfg.maxCallsPerTimeWindow).toBe(10_000);
    expect((await client.searchTables('12367')).tables.map((t) => t.id)).toEqual(['12367']);
    const hits = await client.searchTables('lavinntekt');
    expect(hits.tables[0].label).toMatch(/lavinntekt/i);
  });

  it('reads metadata: dimensions, roles, elimination, code lists and last-updated', async () => {
    const client = new SsbClient({ api: big.api, clock: recordingClock() });
    const meta = await client.getMetadata('07459');
    expect(meta.dimensions.map((d) => d.id)).toEqual(['Region', 'Kjonn', 'Alder', 'ContentsCode', 'Tid']);
    expect(meta.dimensions.find((d) => d.id === 'Alder')!.elimination).toBe(true);
    expect(meta.dimensions.find((d) => d.id === 'Region')!.codelists.map((c) => c.id)).toContain('agg_KommSummer');
    expect(meta.updated).toMatch(/^\d{4}-\d\d-\d\dT/);
    const summed = await client.getMetadata('07459', { Region: 'agg_KommSummer' });
    expect(summed.dimensions[0].codes[0]).toBe('K-0301');
  });

  it('splits over the /config limit and the reassembled table equals a single request cell for cell', async () => {
    const one = await new SsbClient({ api: big.api, clock: recordingClock() }).fetchData(BARNEVERN);
    expect(one.parts).toHaveLength(1);
    const progress: number[] = [];
    const split = await new SsbClient({ api: small.api, clock: recordingClock() }).fetchData(BARNEVERN, { onProgress: (p) => progress.push(p.done) });
    // 357 municipalities and KS's 3001 Halden (2020–2023 code) match `????`.
    expect(split.cells).toBe(358 * 3 * 2 * 4);
    expect(split.parts.length).toBe(Math.ceil(split.cells / 3000));
    expect(progress.at(-1)).toBe(split.parts.length);
    const whole = decode(one.parts[0]);
    const merged = mergeJsonStat(split.parts.map(decode), split.order);
    expect(merged.uncovered).toBe(0);
    expect(merged.doc.value).toEqual(whole.value);
    expect(merged.doc.status).toEqual(whole.status);
    expect(merged.doc.dimension).toEqual(whole.dimension);
    expect(merged.doc.size).toEqual(whole.size);
  });

  it('splits again when the server answers «Too many cells selected» although /config allowed it', async () => {
    const one = await new SsbClient({ api: big.api, clock: recordingClock() }).fetchData(BARNEVERN);
    const before = strict.requests.length;
    const got = await new SsbClient({ api: strict.api, clock: recordingClock() }).fetchData(BARNEVERN);
    const asked = strict.requests.slice(before).filter((r) => r.includes('/data'));
    expect(asked.length).toBeGreaterThan(got.parts.length); // refused requests were split and retried
    expect(mergeJsonStat(got.parts.map(decode), got.order).doc.value).toEqual(decode(one.parts[0]).value);
  });

  it('keeps GET URLs under ~2 100 characters when every municipality is listed', async () => {
    const client = new SsbClient({ api: big.api, clock: recordingClock() });
    const meta = await client.getMetadata('07459', { Region: 'agg_KommSummer' });
    const got = await client.fetchData({
      tableId: '07459',
      lang: 'no',
      selection: [
        { variableCode: 'Region', codelist: 'agg_KommSummer', valueCodes: meta.dimensions[0].codes },
        { variableCode: 'ContentsCode', codelist: null, valueCodes: ['*'] },
        { variableCode: 'Tid', codelist: null, valueCodes: ['2024'] },
      ],
    });
    expect(got.urls.length).toBe(2);
    for (const u of got.urls) expect(u.length).toBeLessThanOrEqual(2100);
    const merged = mergeJsonStat(got.parts.map(decode), got.order);
    expect((merged.doc.size as number[])[0]).toBe(357);
  });

  it('waits and retries on 429 (Retry-After) and 503 (back-off), and on a dropped connection', async () => {
    for (const id of ['99429', '99503', '99000']) {
      const clock = recordingClock();
      const got = await new SsbClient({ api: big.api, clock }).fetchData({ tableId: id, lang: 'no', selection: [{ variableCode: 'Region', codelist: null, valueCodes: ['*'] }, { variableCode: 'ContentsCode', codelist: null, valueCodes: ['*'] }, { variableCode: 'Tid', codelist: null, valueCodes: ['*'] }] });
      expect(got.parts).toHaveLength(1);
      expect(clock.sleeps).toEqual([id === '99429' ? 1000 : 2000]);
    }
  });

  it('abandons a slow answer after the timeout, and reports no contact after the last try', async () => {
    const q: SsbQuery = { tableId: '99001', lang: 'no', selection: [{ variableCode: 'Region', codelist: null, valueCodes: ['*'] }, { variableCode: 'ContentsCode', codelist: null, valueCodes: ['*'] }, { variableCode: 'Tid', codelist: null, valueCodes: ['*'] }] };
    const patient = await new SsbClient({ api: strict.api, clock: recordingClock(), timeoutMs: 5000 }).fetchData(q);
    expect(patient.parts).toHaveLength(1);
    const err = await new SsbClient({ api: strict.api, clock: recordingClock(), timeoutMs: 50, maxAttempts: 2 }).fetchData(q).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SsbError);
    expect((err as SsbError).kind).toBe('offline');
    expect((err as SsbError).problem.message).toMatch(/Får ikke kontakt med SSB.*ingen svar innen tidsfristen.*uendret/);
  });

  it('gives the API error bodies in plain Norwegian with the table and the query', async () => {
    const client = new SsbClient({ api: big.api, clock: recordingClock() });
    const err = (await client.getMetadata('00000').catch((e: unknown) => e)) as SsbError;
    expect(err.problem.message).toMatch(/^SSB avviste spørringen mot tabell 00000: tabellen finnes ikke i Statistikkbanken \(«Non-existent table», HTTP 404\)\. Spørring: lang=no/);
    const unknownCode = (await client.fetchData({ ...BARNEVERN, selection: BARNEVERN.selection.map((s) => (s.variableCode === 'KOKfunksjon0000' ? { ...s, valueCodes: ['244', '999'] } : s)) }).catch((e: unknown) => e)) as SsbError;
    expect(unknownCode.problem.message).toBe('Utvalget fra tabell 12367 kan ikke hentes: verdiene KOKfunksjon0000=999 finnes ikke.');
    const missing = (await client.fetchData({ ...BARNEVERN, selection: BARNEVERN.selection.filter((s) => s.variableCode !== 'Tid') }).catch((e: unknown) => e)) as SsbError;
    expect(missing.problem.message).toMatch(/Tid må være med i utvalget/);
  });

  it('says clearly when there is no network, and when the user cancels', async () => {
    const offline = new SsbClient({ api: big.api, clock: recordingClock(), online: () => false });
    const e1 = (await offline.getConfig().catch((e: unknown) => e)) as SsbError;
    expect(e1.kind).toBe('offline');
    const broken = new SsbClient({ api: big.api, clock: recordingClock(), maxAttempts: 2, fetch: () => Promise.reject(new TypeError('Failed to fetch')) });
    const e2 = (await broken.getConfig().catch((e: unknown) => e)) as SsbError;
    expect(e2.problem.message).toMatch(/^Får ikke kontakt med SSB \(127\.0\.0\.1:\d+\): forbindelsen ble brutt/);
    const ctl = new AbortController();
    const client = new SsbClient({ api: small.api, clock: recordingClock() });
    const e3 = (await client.fetchData(BARNEVERN, { signal: ctl.signal, onProgress: (p) => (p.done === 1 ? ctl.abort() : undefined) }).catch((e: unknown) => e)) as SsbError;
    expect(e3.kind).toBe('cancelled');
  });
});
