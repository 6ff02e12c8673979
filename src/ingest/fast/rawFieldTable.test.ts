import { describe, expect, it } from 'vitest';
import { escapeRegExp, hashSpan, ownCopy, RawFieldTable } from './rawFieldTable';

/** Adds text[s, t) unless known; returns its entry. */
function intern(table: RawFieldTable, text: string, s: number, t: number): number {
  const h = hashSpan(text, s, t);
  const e = table.find(text, s, t, h);
  return e >= 0 ? e : table.add(text, s, t, h, text.charCodeAt(s) === 34);
}

describe('RawFieldTable', () => {
  it('finds a raw field again wherever it stands, and only the exact text', () => {
    const table = new RawFieldTable();
    const line = '"0301 Oslo";"244 Barnevern";"2023";5';
    const oslo = intern(table, line, 0, 12);
    const barnevern = intern(table, line, 12, 28);
    expect(table.size).toBe(2);
    expect(table.raws[oslo]).toBe('"0301 Oslo";');
    expect(table.quoted[oslo]).toBe(1);
    expect(table.lengths[barnevern]).toBe(16);
    const next = 'x;"0301 Oslo";"0301 Osloo";';
    expect(table.find(next, 2, 14, hashSpan(next, 2, 14))).toBe(oslo);
    expect(table.matchesAt(oslo, next, 2)).toBe(true);
    expect(table.matchesAt(oslo, next, 14)).toBe(false);
    expect(table.find(next, 14, 27, hashSpan(next, 14, 27))).toBe(-1);
    expect(table.matchesAt(oslo, 'short', 0)).toBe(false);
  });

  it('matches labels holding RegExp syntax literally', () => {
    const table = new RawFieldTable();
    const label = '"a.b*c+?(d)[e]{2}|^$\\/x";';
    const e = intern(table, label, 0, label.length);
    expect(table.matchesAt(e, `;${label}`, 1)).toBe(true);
    expect(table.matchesAt(e, '"aXb*c+?(d)[e]{2}|^$\\/x";', 0)).toBe(false);
    expect(new RegExp(`^${escapeRegExp(label)}$`).test(label)).toBe(true);
  });

  it('compares character by character beyond the matcher limits', () => {
    const table = new RawFieldTable();
    const long = `"${'lang etikett '.repeat(30)}";`;
    const e = intern(table, long, 0, long.length);
    expect(table.matchesAt(e, `;${long}`, 1)).toBe(true);
    expect(table.matchesAt(e, `;${long.slice(0, -3)}x";`, 1)).toBe(false);
    // Many distinct labels: entries past the matcher budget are still found exactly.
    const many = Array.from({ length: 3000 }, (_, i) => `"${i} kommune";`).join('');
    const entries: number[] = [];
    let p = 0;
    while (p < many.length) {
      const t = many.indexOf(';', p) + 1;
      entries.push(intern(table, many, p, t));
      p = t;
    }
    expect(new Set(entries).size).toBe(3000);
    p = 0;
    for (const en of entries) {
      expect(table.matchesAt(en, many, p)).toBe(true);
      expect(table.find(many, p, p + table.lengths[en], hashSpan(many, p, p + table.lengths[en]))).toBe(en);
      p += table.lengths[en];
    }
  });

  it('starts with no successor and keeps what it is given', () => {
    const table = new RawFieldTable();
    const a = intern(table, 'a;', 0, 2);
    const b = intern(table, 'b;', 0, 2);
    expect(table.successor[a]).toBe(-1);
    table.successor[a] = b;
    expect(table.successor[a]).toBe(b);
  });

  it('hashes spans like whole strings and copies labels out of their slice', () => {
    expect(hashSpan('xx"abc";', 2, 8)).toBe(hashSpan('"abc";', 0, 6));
    const big = 'y'.repeat(100);
    expect(ownCopy(big.slice(10, 40))).toBe(big.slice(10, 40));
    expect(ownCopy('kort')).toBe('kort');
  });
});
