/**
 * The key bootstrap against an independent computation in R: R refits the pooled
 * model with year effects by `lm` on the engine's own resamples (draws.csv), applies method A with ŷ
 * at the key year, computes every municipality's change per inhabitant against today's key and takes
 * type 7 percentiles (test/oracle/key-bootstrap/key-bootstrap.R; its output, expected.json, is
 * committed). The engine's weights, intervals, sign shares and per-municipality intervals must agree.
 * The draws are shared on purpose: a bootstrap's random numbers cannot be matched across languages,
 * so the check covers everything after the draw, and the test first checks draws.csv still is the
 * engine's stream.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { keyBootstrap, type KeyBootstrapResult } from '../../src/engine/costkey/keyBootstrap';
import { B, SEED, crossCheckSetup, drawCounts } from './key-bootstrap/inputs';

const DIR = join(__dirname, 'key-bootstrap');
interface Expected {
  B: number;
  units: string[];
  weights: { name: string; estimate: number; low90: number; high90: number; low95: number; high95: number; sameSign: number }[];
  change: number[];
  low90: number[];
  high90: number[];
  low95: number[];
  high95: number[];
  shareLoss: number[];
  shareGain: number[];
}
const expected = JSON.parse(readFileSync(join(DIR, 'expected.json'), 'utf8')) as Expected;

function close(a: number, b: number, what: string) {
  expect(Math.abs(a - b), `${what}: engine ${a}, R ${b}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
}

describe('key bootstrap = R (lm on the same resamples, method A at the key year, type 7 percentiles)', () => {
  it('draws.csv holds the engine\'s draws', () => {
    const { clusterUnits } = crossCheckSetup();
    const lines = readFileSync(join(DIR, 'draws.csv'), 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(1)).toEqual(clusterUnits);
    expect(lines.length - 1).toBe(B);
    for (const b of [0, 1, 77, B - 1]) expect(lines[b + 1].split(',').slice(1).map(Number)).toEqual(Array.from(drawCounts(SEED, b, clusterUnits.length)));
  });

  it('weights, intervals, sign shares and every municipality\'s change interval agree with R', async () => {
    const { job } = crossCheckSetup();
    const r = (await keyBootstrap(job)) as KeyBootstrapResult;
    expect('code' in r).toBe(false);
    expect(r.valid).toBe(expected.B);
    expect(job.base.prep.units).toEqual(expected.units);
    expected.weights.forEach((w, j) => {
      const e = r.weights[j];
      expect(e.name).toBe(w.name);
      for (const k of ['estimate', 'low90', 'high90', 'low95', 'high95', 'sameSign'] as const) close(e[k], w[k], `${w.name}.${k}`);
    });
    for (const k of ['change', 'low90', 'high90', 'low95', 'high95', 'shareLoss', 'shareGain'] as const)
      expected[k].forEach((v, i) => close(r[k][i], v, `${k}[${expected.units[i]}]`));
  });
});
