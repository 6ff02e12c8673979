/**
 * The journal of the last edit that IndexedDB may not have yet. Autosave is debounced (session.ts) and
 * IndexedDB writes are asynchronous, so an edit followed at once by a reload was lost: a write started
 * while the page is torn down is not reliably committed (reverted 46ffd89). localStorage is written
 * synchronously, so the edit is here before the reload can start; the next page reads it
 * synchronously and applies it over the restored session when it is newer than the IndexedDB copy.
 *
 * - What it holds is what autosave writes — the spec or the view state — never a file's data.
 * - Each entry and each IndexedDB copy carry the time stamp of the edit (`at`): a journal older than
 *   the IndexedDB copy (its write committed, then the page died before the journal was cleared, or
 *   another tab saved a later edit) is not applied.
 * - One journal per kind for all tabs, as the IndexedDB copy is one for all tabs: the latest edit of
 *   any tab wins, as it does there. A tab clears the entry after its write commits only when no newer
 *   edit (its own or another tab's) has replaced it.
 * - Where localStorage is missing or full, nothing is journaled and autosave works as before.
 */
export type JournalKind = 'spec' | 'view';

export interface JournalEntry {
  /** Time stamp of the edit (ms since 1970, strictly increasing within a tab). */
  at: number;
  value: unknown;
}

/** The part of the Storage interface the journal uses (a Map stands in for it in tests). */
export type JournalStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const key = (kind: JournalKind) => `kostnadsnokkel-lab:journal:${kind}`;

function defaultStorage(): JournalStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    // A sandboxed page or blocked site data throws on access.
    return null;
  }
}

let lastStamp = 0;
/** The time stamp of an edit: now, or one more than the last when the clock did not move. */
export function editStamp(now = Date.now()): number {
  lastStamp = Math.max(now, lastStamp + 1);
  return lastStamp;
}

/** Journals an edit; false when it could not be written (no storage, quota): autosave still runs. */
export function writeJournal(kind: JournalKind, value: unknown, at: number, storage = defaultStorage()): boolean {
  if (!storage) return false;
  try {
    storage.setItem(key(kind), JSON.stringify({ at, value }));
    return true;
  } catch {
    return false;
  }
}

export function readJournal(kind: JournalKind, storage = defaultStorage()): JournalEntry | null {
  if (!storage) return null;
  try {
    const raw = storage.getItem(key(kind));
    if (raw === null) return null;
    const e = JSON.parse(raw) as { at?: unknown; value?: unknown };
    if (typeof e !== 'object' || e === null || typeof e.at !== 'number' || !Number.isFinite(e.at) || !('value' in e)) return null;
    return { at: e.at, value: e.value };
  } catch {
    return null;
  }
}

/** After the IndexedDB write of the edit stamped `committedAt` has committed: the entry goes, unless a
 *  newer edit has replaced it since (then that one is still pending). */
export function clearJournal(kind: JournalKind, committedAt: number, storage = defaultStorage()): void {
  if (!storage) return;
  const e = readJournal(kind, storage);
  try {
    if (e === null || e.at <= committedAt) storage.removeItem(key(kind));
  } catch {
    // Nothing to do: the entry is older than the copy, so it will not be applied.
  }
}

/** Drops an entry that cannot be used (its spec does not load), so it is not tried again. */
export function dropJournal(kind: JournalKind, storage = defaultStorage()): void {
  try {
    storage?.removeItem(key(kind));
  } catch {
    // As above.
  }
}

/** The journal entry to restore over the IndexedDB copy stamped `savedAt` (undefined: no stamp, a
 *  copy saved before the journal existed, or none), or null when the copy is as new or newer. */
export function newerThanSaved(entry: JournalEntry | null, savedAt: number | undefined): JournalEntry | null {
  if (!entry) return null;
  return savedAt !== undefined && entry.at <= savedAt ? null : entry;
}
