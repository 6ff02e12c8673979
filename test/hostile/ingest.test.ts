/**
 * Issue 17: every file of the hostile corpus through the reader the worker and the CLI use. Each
 * must end as a message naming the real cause (never a throw, never an out-of-memory abort), and
 * the readable ones must keep their rows.
 */
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index';
import { hostileCorpus } from './corpus';

describe('hostile corpus through ingestFile', () => {
  for (const c of hostileCorpus) {
    it(`${c.name}: ${c.kind}`, { timeout: 120_000 }, async () => {
      const s = await ingestFile({ name: c.name, bytes: c.bytes() });
      const codes = s.problems.map((p) => `${p.code}: ${p.message.slice(0, 200)}`);
      expect(s.status, JSON.stringify(codes)).toBe(c.expect.status);
      for (const p of s.problems) {
        expect(p.message).toContain(c.name);
        expect(p.messageEn.length).toBeGreaterThan(0);
      }
      if (c.expect.code) {
        const p = s.problems.find((q) => q.code === c.expect.code);
        expect(p, JSON.stringify(codes)).toBeDefined();
        expect(p?.message).toMatch(c.expect.nb);
      } else {
        expect(s.problems.filter((p) => p.severity === 'error'), JSON.stringify(codes)).toEqual([]);
      }
      if (c.expect.units !== undefined) expect(s.units.length).toBe(c.expect.units);
    });
  }
});
