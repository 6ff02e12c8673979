import { describe, expect, it } from 'vitest';
import { SsbClient } from './client';
import { RateLimiter, windowsFor, type Clock } from './pacing';

function fakeClock(): Clock & { t: number } {
  const c = {
    t: 0,
    now: () => c.t,
    sleep: async (ms: number) => {
      c.t += ms;
    },
  };
  return c;
}

/** Largest number of times within any window of `ms`. */
function maxInWindow(times: number[], ms: number): number {
  let best = 0;
  for (let i = 0; i < times.length; i++) best = Math.max(best, times.filter((t) => t >= times[i] && t < times[i] + ms).length);
  return best;
}

describe('pacing under the request limit', () => {
  it('never sends more than 28 requests in any minute (SSB: 30 per 60 s, two kept in reserve)', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(windowsFor({ maxCallsPerTimeWindow: 30, timeWindow: 60 }), clock);
    const times: number[] = [];
    for (let i = 0; i < 100; i++) {
      await limiter.acquire();
      times.push(clock.t);
    }
    expect(maxInWindow(times, 60_000)).toBe(28);
    expect(times[28]).toBe(60_000);
  });

  it('keeps under 30 a minute even when the API allows more, and under a stricter API limit', async () => {
    expect(windowsFor({ maxCallsPerTimeWindow: 30, timeWindow: 10 })).toEqual([{ limit: 28, ms: 10_000 }, { limit: 28, ms: 60_000 }]);
    const clock = fakeClock();
    const limiter = new RateLimiter(windowsFor({ maxCallsPerTimeWindow: 5, timeWindow: 20 }), clock);
    const times: number[] = [];
    for (let i = 0; i < 20; i++) {
      await limiter.acquire();
      times.push(clock.t);
    }
    expect(maxInWindow(times, 20_000)).toBeLessThanOrEqual(3);
  });

  it('the client takes its limits from /config and reports the waits as progress', async () => {
    const clock = fakeClock();
    const sent: number[] = [];
    const fetch = (async (url: string) => {
      sent.push(clock.t);
      if (url.endsWith('/config')) return new Response(JSON.stringify({ maxDataCells: 10, maxCallsPerTimeWindow: 6, timeWindow: 60 }));
      if (url.includes('/metadata'))
        return new Response(JSON.stringify({ id: ['R', 'Tid'], size: [40, 1], role: { time: ['Tid'] }, dimension: { R: { category: { index: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`r${i}`, i])) } }, Tid: { category: { index: { '2024': 0 } } } }, value: [] }));
      return new Response('{"id":[],"dimension":{}}');
    }) as unknown as typeof globalThis.fetch;
    const waits: number[] = [];
    const client = new SsbClient({ api: 'https://example.test/api/v2', fetch, clock });
    const got = await client.fetchData(
      { tableId: 't', lang: 'no', selection: [{ variableCode: 'R', codelist: null, valueCodes: ['*'] }, { variableCode: 'Tid', codelist: null, valueCodes: ['*'] }] },
      { onProgress: (p) => p.waitingMs > 0 && waits.push(p.waitingMs) },
    );
    expect(got.parts).toHaveLength(4); // 40 cells, 10 per request
    expect(maxInWindow(sent, 60_000)).toBeLessThanOrEqual(4);
    expect(waits.length).toBeGreaterThan(0);
  });
});
