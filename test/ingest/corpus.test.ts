/**
 * The hostile/odd corpus in test/ingest/corpus: each file with its expected outcome and message
 * (expectations.json). Files are tiny and made by us, so this runs everywhere.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ingestFile } from '../../src/ingest/index';

const dir = join(dirname(fileURLToPath(import.meta.url)), 'corpus');

interface Expect {
  status: 'ok' | 'error';
  code?: string;
  msg?: string;
  units?: number;
  sum?: number;
  delimiter?: string;
  headerLine?: number;
  encoding?: string;
  name?: [string, string];
  codes?: string[];
  aggregates?: number;
  years?: number[];
  layout?: string;
  vars?: string[];
  invalid?: number;
  missing?: Record<string, number>;
}

const expectations = JSON.parse(readFileSync(join(dir, 'expectations.json'), 'utf8')) as Record<string, Expect>;

describe('hostile and odd files', () => {
  it('has at least 30 files', () => {
    expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(30);
  });
  for (const [file, ex] of Object.entries(expectations)) {
    it(file, async () => {
      const bytes = new Uint8Array(readFileSync(join(dir, file)));
      const s = await ingestFile({ name: file, bytes });
      expect(s.status).toBe(ex.status);
      for (const p of s.problems) {
        // Every message is Norwegian, names the file and has an English twin.
        expect(p.message).toContain(file);
        expect(p.messageEn.length).toBeGreaterThan(0);
      }
      if (ex.code) {
        const p = s.problems.find((q) => q.code === ex.code);
        expect(p, `problem ${ex.code} in ${JSON.stringify(s.problems.map((q) => q.code))}`).toBeDefined();
        if (ex.msg) expect(p?.message).toContain(ex.msg);
      }
      if (ex.status === 'error') expect(s.problems.some((p) => p.severity === 'error')).toBe(true);
      if (ex.units !== undefined) expect(s.units.length).toBe(ex.units);
      if (ex.sum !== undefined) {
        let sum = 0;
        for (let i = 0; i < s.obs.n; i++) if (s.obs.missing[i] === 0) sum += s.obs.value[i];
        expect(sum).toBeCloseTo(ex.sum, 9);
      }
      if (ex.delimiter) expect(s.detected.delimiter).toBe(ex.delimiter);
      if (ex.headerLine) expect(s.detected.headerLine).toBe(ex.headerLine);
      if (ex.encoding) expect(s.detected.encoding).toBe(ex.encoding);
      if (ex.name) expect(s.unitNames[s.units.indexOf(ex.name[0])]).toBe(ex.name[1]);
      if (ex.codes) expect(s.units).toEqual(ex.codes);
      if (ex.aggregates !== undefined) expect(s.aggregates.length).toBe(ex.aggregates);
      if (ex.years) expect([...new Set(s.obs.year)].sort()).toEqual(ex.years);
      if (ex.layout) expect(s.spec.mapping?.layout).toBe(ex.layout);
      if (ex.vars) expect(s.variables.map((v) => v.name)).toEqual(ex.vars);
      if (ex.invalid !== undefined) expect(s.nInvalid).toBe(ex.invalid);
      if (ex.missing) {
        const counts: Record<string, number> = {};
        for (let i = 0; i < s.obs.n; i++) if (s.obs.missing[i] !== 0) counts[s.obs.missing[i]] = (counts[s.obs.missing[i]] ?? 0) + 1;
        expect(counts).toEqual(ex.missing);
      }
    });
  }
});
