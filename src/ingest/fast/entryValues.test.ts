import { describe, expect, it } from 'vitest';
import { EntryValues, UNRESOLVED } from './entryValues';

describe('EntryValues', () => {
  it('is unresolved until set, also for entries far beyond its size and for -1', () => {
    const v = new EntryValues();
    expect(v.get(0)).toBe(UNRESOLVED);
    expect(v.get(-1)).toBe(UNRESOLVED);
    expect(v.get(10_000)).toBe(UNRESOLVED);
    v.set(3, -1);
    v.set(1000, 42);
    expect(v.get(3)).toBe(-1);
    expect(v.get(1000)).toBe(42);
    expect(v.get(999)).toBe(UNRESOLVED);
  });
});
