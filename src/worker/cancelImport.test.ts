import { describe, expect, it } from 'vitest';
import { Pipeline } from './pipeline';
import { sourceSpecSchema } from '../spec/sections/data';

/** A long-format CSV of about 9 MB: many of ingest's slices of about 1 MB (SLICE_BYTES in src/ingest/csv.ts). */
function bigCsv(): Uint8Array {
  const lines = ['kommune;år;verdi'];
  for (let i = 0; lines.length < 600_000; i++) lines.push(`${String(1000 + (i % 900)).padStart(4, '0')};${2000 + (i % 20)};${i},5`);
  return new TextEncoder().encode(lines.join('\n'));
}

describe('cancelling an import', () => {
  it('stops between slices and keeps nothing of the cancelled file', async () => {
    const p = new Pipeline();
    const source = sourceSpecSchema.parse({ id: 'big', fileName: 'big.csv', format: 'csv' });
    let slices = 0;
    const out = await p.importFile({ name: 'big.csv', bytes: bigCsv() }, source, {
      cancelled: () => ++slices >= 1,
    });
    expect(out.cancelled).toBe(true);
    expect(out.problems.map((q) => q.code)).toContain('cancelled');
    expect(p.hasSource('big')).toBe(false);
  });

  it('imports the same file when nobody cancels', async () => {
    const p = new Pipeline();
    const source = sourceSpecSchema.parse({ id: 'big', fileName: 'big.csv', format: 'csv' });
    const out = await p.importFile({ name: 'big.csv', bytes: bigCsv() }, source, { cancelled: () => false });
    expect(out.cancelled).toBeUndefined();
    expect(p.hasSource('big')).toBe(true);
  });
});
