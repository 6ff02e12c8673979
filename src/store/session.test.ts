import { describe, expect, it, vi } from 'vitest';

/** Every IndexedDB read answers only when the test says so; the asked reads are listed in order. */
const asked: string[] = [];
const answers = new Map<string, (v: unknown) => void>();
const pending = (name: string) =>
  new Promise((ok) => {
    asked.push(name);
    answers.set(name, ok);
  });
const answer = async (name: string, v: unknown) => {
  answers.get(name)!(v);
  for (let i = 0; i < 20; i++) await Promise.resolve();
};
vi.mock('./persistence', () => ({
  readImporting: () => pending('importing'),
  readCrashed: () => pending('crashed'),
  readSavedView: () => pending('view'),
  readSavedSpec: () => pending('spec'),
  // The edit stamps (journal.ts) answer at once: the test is about the three reads above.
  readSavedViewAt: async () => undefined,
  readSavedSpecAt: async () => undefined,
  listDamaged: () => pending('damaged'),
  holdCrashed: async () => undefined,
  clearImporting: async () => undefined,
  keepAside: async () => 'damaged:1',
  deleteSavedSpec: async () => undefined,
  deleteFile: async () => undefined,
  inspectFile: async () => 'ok',
  acknowledgeReopened: () => undefined,
  filesStoredSinceReopen: () => new Set(),
  saveSpec: async () => ({ reopened: false }),
  saveView: async () => ({ reopened: false }),
  SaveError: class extends Error {},
}));
const loadDemo = vi.fn(async () => true);
vi.mock('./actions', () => ({ loadDemo: () => loadDemo(), reloadSources: async () => undefined }));

describe('startSession on a first visit', () => {
  it('asks for the crash marker, the view state and the saved spec at once, and opens the demo without waiting for the kept-aside list', async () => {
    const { startSession } = await import('./session');
    const started = startSession();
    await Promise.resolve();
    // No read has answered: all three are already asked for (one after the other before).
    expect(asked).toEqual(['importing', 'view', 'spec']);
    await answer('importing', undefined);
    expect(asked).toContain('crashed');
    await answer('crashed', undefined);
    await answer('view', undefined);
    await answer('spec', undefined);
    await started;
    // Nothing saved: the demo is opened; the kept-aside list is asked for but has not answered.
    expect(loadDemo).toHaveBeenCalledTimes(1);
    expect(asked).toContain('damaged');
    const { useSessionStore } = await import('./sessionStore');
    await answer('damaged', [{ key: 'damaged:1', what: 'session', reason: 'x', reasonEn: 'x', keptAt: 1, value: null }]);
    expect(useSessionStore.getState().damaged).toHaveLength(1);
  });
});
