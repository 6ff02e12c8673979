import { describe, expect, it } from 'vitest';
import { clearJournal, dropJournal, editStamp, newerThanSaved, readJournal, writeJournal, type JournalStorage } from './journal';

/** localStorage as two tabs of one origin see it: one Map. */
function memoryStorage(): JournalStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return {
    map,
    getItem: (k) => map.get(k) ?? null,
    setItem: (k, v) => void map.set(k, String(v)),
    removeItem: (k) => void map.delete(k),
  };
}

describe('the journal of the last edit', () => {
  it('keeps an edit until its IndexedDB write has committed, then clears it', () => {
    const ls = memoryStorage();
    expect(writeJournal('spec', { title: 'A' }, 10, ls)).toBe(true);
    expect(readJournal('spec', ls)).toEqual({ at: 10, value: { title: 'A' } });
    expect(readJournal('view', ls)).toBeNull();
    clearJournal('spec', 10, ls);
    expect(readJournal('spec', ls)).toBeNull();
  });

  it('a write that commits after a newer edit (this tab or another) leaves the newer edit', () => {
    const ls = memoryStorage();
    writeJournal('spec', { title: 'A' }, 10, ls);
    writeJournal('spec', { title: 'B' }, 11, ls); // another tab, or the next keystroke
    clearJournal('spec', 10, ls); // the write of A commits
    expect(readJournal('spec', ls)).toEqual({ at: 11, value: { title: 'B' } });
    clearJournal('spec', 11, ls);
    expect(ls.map.size).toBe(0);
  });

  it('is applied only when newer than the IndexedDB copy', () => {
    const e = { at: 20, value: 1 };
    expect(newerThanSaved(e, undefined)).toBe(e); // no copy, or one saved before the journal existed
    expect(newerThanSaved(e, 19)).toBe(e);
    // The copy committed and the page died before the journal was cleared; or another tab saved later.
    expect(newerThanSaved(e, 20)).toBeNull();
    expect(newerThanSaved(e, 25)).toBeNull();
    expect(newerThanSaved(null, 5)).toBeNull();
  });

  it('an entry that is not one is ignored; one that cannot be used is dropped', () => {
    const ls = memoryStorage();
    for (const bad of ['{', '"x"', 'null', '{"value":1}', '{"at":"1","value":1}', '{"at":null,"value":1}', '{"at":5}']) {
      ls.map.set('kostnadsnokkel-lab:journal:spec', bad);
      expect(readJournal('spec', ls), bad).toBeNull();
    }
    writeJournal('view', { csvStyle: 'en' }, 3, ls);
    dropJournal('view', ls);
    expect(readJournal('view', ls)).toBeNull();
  });

  it('without storage, or when it is full, nothing is journaled and nothing throws', () => {
    expect(writeJournal('spec', {}, 1, null)).toBe(false);
    expect(readJournal('spec', null)).toBeNull();
    const full = { ...memoryStorage(), setItem: () => { throw new DOMException('full', 'QuotaExceededError'); } };
    expect(writeJournal('spec', { big: 'x' }, 1, full)).toBe(false);
    expect(() => clearJournal('spec', 1, null)).not.toThrow();
  });

  it('stamps increase within a tab even when the clock does not move', () => {
    const a = editStamp(1000);
    const b = editStamp(1000);
    const c = editStamp(999);
    expect(b).toBeGreaterThan(a);
    expect(c).toBeGreaterThan(b);
  });
});
