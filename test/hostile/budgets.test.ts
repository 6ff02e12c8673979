/**
 * Budgets of limits.ts with small limits (the constants themselves are too large to reach in a unit
 * test), stray quotes against legitimate multi-line fields, and line ends across slice edges.
 */
import { describe, expect, it } from 'vitest';
import { buildDataset, ingestFile } from '../../src/ingest/index';
import { dataSpecSchema } from '../../src/spec/sections/data';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const rows = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i));

describe('budgets (small limits injected)', () => {
  it('refuses a CSV that would become more values than the limit, with the number projected', async () => {
    const text = ['kommune;år;x', ...rows(5000, (i) => `${3001 + (i % 500)};${2000 + Math.floor(i / 500)};${i}`)].join('\n');
    const s = await ingestFile({ name: 'mange.csv', bytes: enc(text) }, { limits: { values: 1000 } });
    expect(s.status).toBe('error');
    const p = s.problems.find((q) => q.code === 'too-many-values');
    expect(p?.message).toMatch(/mange\.csv: fila ville gitt (omtrent|minst) [\d\s\u00a0]+ verdier; grensen er 1\u00a0000/);
  });

  it('refuses a CSV that would become more variables than the limit', async () => {
    const header = ['kommune', 'år', ...rows(50, (i) => `utgift_${i}`)].join(';');
    const text = [header, ...rows(3, (i) => [String(3001 + i), '2022', ...rows(50, (j) => String(j))].join(';'))].join('\n');
    const s = await ingestFile({ name: 'brei.csv', bytes: enc(text) }, { limits: { variables: 10 } });
    expect(s.status).toBe('error');
    expect(s.problems.find((q) => q.code === 'too-many-variables')?.message).toMatch(/minst 11 variabler; grensen er 10/);
  });

  it('refuses a header wider than the column limit, naming the width', async () => {
    const header = ['kommune', 'år', ...rows(18, (i) => `x${i}`)].join(';');
    const s = await ingestFile({ name: 'kolonner.csv', bytes: enc(`${header}\n3001;2022;${rows(18, () => '1').join(';')}\n`) }, { limits: { columns: 10 } });
    expect(s.problems.find((q) => q.code === 'too-many-columns')?.message).toContain('20 kolonner; grensen er 10');
  });

  it('refuses a JSON file over the JSON size limit before parsing it', async () => {
    const s = await ingestFile({ name: 'stor.json', bytes: enc(`{"x": "${'a'.repeat(3000)}"}`) }, { limits: { jsonBytes: 1024 } });
    expect(s.problems[0].code).toBe('json-too-large');
  });

  it('buildDataset refuses a table over the cell limit and keeps the sources’ reports', async () => {
    const a = await ingestFile({ name: 'a.csv', bytes: enc(['kommune;år;x;y', ...rows(40, (i) => `${3001 + i};2022;1;2`)].join('\n')) });
    const ds = buildDataset([a], dataSpecSchema.parse({}), { datasetCells: 50 });
    expect(ds.table.nRows).toBe(0);
    expect(ds.problems.find((p) => p.code === 'dataset-too-large')?.message).toContain('40 rader × 2 variabler = 80 celler; grensen er 50');
    expect(ds.validation.sources).toHaveLength(1);
  });
});

describe('stray quotes', () => {
  it('keeps a legitimate quoted field with line breaks (a note of a few lines)', async () => {
    const text = 'kommune;år;x;merknad\n3001;2022;1;"første linje\nandre linje\ntredje"\n3002;2022;2;ok\n';
    const s = await ingestFile({ name: 'merknad.csv', bytes: enc(text) });
    expect(s.problems.some((p) => p.code === 'stray-quote')).toBe(false);
    expect(s.units).toEqual(['3001', '3002']);
  });

  it('reads a quote open over more than the allowed line breaks as a literal and counts what it would have swallowed', async () => {
    const text = ['kommune;år;x', '3001;2022;"1', ...rows(300, (i) => `${3002 + i};2022;${i}`), '3400;2022;"5"'].join('\n') + '\n';
    const s = await ingestFile({ name: 'sluker.csv', bytes: enc(text) });
    const p = s.problems.find((q) => q.code === 'stray-quote');
    expect(p?.message).toMatch(/linje 2: .*ville slukt 301 linjer/);
    expect(s.units.length).toBe(302);
  });
});

describe('line ends across slices', () => {
  for (const width of [8, 9, 10, 11]) {
    it(`a mixed file of ${width}-byte lines over several slices keeps every row and line number`, async () => {
      const n = Math.ceil((2.5 * 1024 * 1024) / width);
      const ends = ['\r\n', '\n', '\r'];
      const lines = rows(n, (i) => {
        const code = String(3001 + (i % 900));
        const year = String(2000 + (Math.floor(i / 900) % 20));
        const value = String(i % 10).padStart(width - 11 - (i % 3 === 0 ? 1 : 0), '0');
        return `${code};${year};${value}`;
      });
      // CRLF lines except every 1000th, so most slices are plain CRLF and a few hold LF or CR.
      const text = 'kommune;år;x\r\n' + lines.map((l, i) => l + (i % 1000 === 999 ? ends[1 + (i % 2)] : ends[0])).join('') ;
      const s = await ingestFile({ name: 'kanter.csv', bytes: enc(text) });
      expect(s.stats.rows).toBe(n);
      expect(s.problems.filter((p) => p.severity !== 'info').map((p) => p.message)).toEqual([]);
      expect(s.obs.line[s.obs.n - 1]).toBe(n + 1);
    });
  }
});
