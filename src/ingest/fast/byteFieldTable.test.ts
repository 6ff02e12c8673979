import { describe, expect, it } from 'vitest';
import { ByteFieldTable, hashBytes } from './byteFieldTable';

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Adds bytes[s, t) unless known; returns its entry. */
function intern(table: ByteFieldTable, bytes: Uint8Array, s: number, t: number): number {
  const h = hashBytes(bytes, s, t);
  const e = table.find(bytes, s, t, h);
  return e >= 0 ? e : table.add(bytes, s, t, h, bytes[s] === 34, new TextDecoder().decode(bytes.subarray(s, t)));
}

describe('ByteFieldTable', () => {
  it('finds raw bytes again wherever they stand, and only the exact bytes', () => {
    const table = new ByteFieldTable();
    const line = utf8('"0301 Bærum";"2023";5');
    const oslo = intern(table, line, 0, 14);
    expect(table.texts[oslo]).toBe('"0301 Bærum";');
    expect(table.quoted[oslo]).toBe(1);
    expect(table.lengths[oslo]).toBe(14);
    const next = utf8('x;"0301 Bærum";"0301 Bærun";');
    expect(table.find(next, 2, 16, hashBytes(next, 2, 16))).toBe(oslo);
    expect(table.matchesAt(oslo, next, 2)).toBe(true);
    expect(table.matchesAt(oslo, next, 16)).toBe(false);
    expect(table.find(next, 16, 30, hashBytes(next, 16, 30))).toBe(-1);
  });

  it('keeps thousands of entries (growing its arrays and byte pool) and finds each', () => {
    const table = new ByteFieldTable();
    const many = utf8(Array.from({ length: 5000 }, (_, i) => `"${i} kommune ${'ø'.repeat(i % 7)}";`).join(''));
    const entries: number[] = [];
    for (let p = 0; p < many.length; ) {
      const t = many.indexOf(59, p) + 1;
      entries.push(intern(table, many, p, t));
      p = t;
    }
    expect(new Set(entries).size).toBe(5000);
    expect(table.size).toBe(5000);
    for (let p = 0, k = 0; p < many.length; k++) {
      const en = entries[k];
      expect(table.matchesAt(en, many, p)).toBe(true);
      expect(table.successor[en]).toBe(-1);
      p += table.lengths[en];
    }
  });
});
