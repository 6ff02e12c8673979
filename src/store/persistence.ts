/**
 * Autosave: the spec, the view state and the uploaded files live in IndexedDB, so a reload restores
 * the session. Nothing leaves the machine. Every call is a no-op where IndexedDB is absent (Node tests).
 *
 * Hostile sessions (README «Limits: hostile and huge files»):
 * - Files are stored as Blobs (a File from the picker is stored as it is). Chromium refuses a plain
 *   value over ~128 MB («The serialized keys and/or value are too large»), which dropped files of
 *   127–500 MB after they were read; a Blob is written to disk beside the database instead.
 * - Write failures are thrown as SaveError with a reason (quota, store deleted, too large), so the
 *   status line can say what happened and what to do. A store deleted while the page is open (site
 *   data cleared) is opened again once before a write gives up.
 * - `importing` marks an import in progress. It is written (and awaited) before the work starts and
 *   cleared after, so a page that dies while reading a file does not read it again on the next load.
 * - A saved session or file record that cannot be used is kept aside under `damaged:<time>` before
 *   anything overwrites it, so the user can download it.
 */
import { del, get, keys, promisifyRequest, set, setMany, type UseStore } from 'idb-keyval';

const DB_NAME = 'kostnadsnokkel-lab';
const STORE_NAME = 'session';
const SPEC_KEY = 'spec';
const VIEW_KEY = 'view';
/** Time stamp of the edit each copy holds (journal.ts): a journal entry older than it is not applied. */
const SPEC_AT_KEY = 'spec-at';
const VIEW_AT_KEY = 'view-at';
const IMPORTING_KEY = 'importing';
const CRASHED_KEY = 'crashed';
const DAMAGED_PREFIX = 'damaged:';
const fileKey = (id: string) => `file:${id}`;

/** Set when the browser closed the open connection under the page (site data cleared), until acknowledged. */
let closedUnderPage = false;
/** Files stored again since that close (uploaded after it): they are not lost. */
const savedSinceClose = new Set<string>();

/**
 * idb-keyval's `createStore`, except that an abnormal close of the connection is noted. Its own
 * store opens the database again without a word when Chromium closes it (Storage.clearDataForOrigin,
 * «Clear site data»), so the next write succeeded into an empty store and nobody learnt that the
 * files saved before were gone. The `close` event fires only for such a close, never for close().
 */
function createStore(dbName: string, storeName: string): UseStore {
  let dbp: Promise<IDBDatabase> | undefined;
  const getDB = () => {
    if (dbp) return dbp;
    const request = indexedDB.open(dbName);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName);
    const opened = promisifyRequest(request);
    dbp = opened;
    opened.then(
      (d) => {
        d.onclose = () => {
          closedUnderPage = true;
          savedSinceClose.clear();
          if (dbp === opened) dbp = undefined;
        };
      },
      () => {
        if (dbp === opened) dbp = undefined;
      },
    );
    return opened;
  };
  return (txMode, callback) => getDB().then((d) => callback(d.transaction(storeName, txMode).objectStore(storeName)));
}

let db: UseStore | null | undefined;
function store(): UseStore | null {
  if (db === undefined) db = typeof indexedDB === 'undefined' ? null : createStore(DB_NAME, STORE_NAME);
  return db;
}

/**
 * After a write reported `reopened`: the ids of files stored since the store was lost (the others
 * are gone). `acknowledgeReopened` ends it, once the status line names the lost files.
 */
export function filesStoredSinceReopen(): ReadonlySet<string> {
  return savedSinceClose;
}

export function acknowledgeReopened(): void {
  closedUnderPage = false;
  savedSinceClose.clear();
}

export type SaveFailure = 'quota' | 'store-deleted' | 'too-large' | 'unavailable' | 'unknown';

export class SaveError extends Error {
  constructor(
    readonly reason: SaveFailure,
    readonly detail: string,
  ) {
    super(`${reason}: ${detail}`);
  }
}

/** What kind of failure an IndexedDB error is, from its DOMException name and message. */
export function classifySaveError(e: unknown): SaveFailure {
  const name = e instanceof Error || (typeof e === 'object' && e !== null && 'name' in e) ? String((e as { name: unknown }).name) : '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(message)) return 'quota';
  if (/too large|serialized keys and\/or value/i.test(message) || name === 'DataCloneError') return 'too-large';
  if (name === 'InvalidStateError' || name === 'NotFoundError' || /closing|closed|not found|deleted/i.test(message)) return 'store-deleted';
  if (name === 'UnknownError' || name === 'SecurityError') return 'unavailable';
  return 'unknown';
}

/**
 * Runs a write; when the database was deleted under the page (site data cleared) it is opened again
 * and the write tried once more. Throws SaveError.
 */
async function write(op: (s: UseStore) => Promise<void>): Promise<{ reopened: boolean }> {
  const s = store();
  if (!s) return { reopened: false };
  try {
    await op(s);
    return { reopened: closedUnderPage };
  } catch (e) {
    const reason = classifySaveError(e);
    if (reason !== 'store-deleted') throw new SaveError(reason, e instanceof Error ? e.message : String(e));
    db = createStore(DB_NAME, STORE_NAME);
    closedUnderPage = true;
    savedSinceClose.clear();
    try {
      await op(db);
      return { reopened: true };
    } catch (e2) {
      throw new SaveError(classifySaveError(e2), e2 instanceof Error ? e2.message : String(e2));
    }
  }
}

async function read<T>(key: string): Promise<T | undefined> {
  const s = store();
  if (!s) return undefined;
  try {
    return await get<T>(key, s);
  } catch (e) {
    if (classifySaveError(e) !== 'store-deleted') throw e;
    db = createStore(DB_NAME, STORE_NAME);
    return get<T>(key, db);
  }
}

/**
 * Saves the spec; `reopened` says the store had been deleted (files saved before are gone). `at`, the
 * time stamp of the edit (journal.ts), is written in the same transaction.
 */
export async function saveSpec(spec: unknown, at?: number): Promise<{ reopened: boolean }> {
  return write((s) => (at === undefined ? set(SPEC_KEY, spec, s) : setMany([[SPEC_KEY, spec], [SPEC_AT_KEY, at]], s)));
}

export async function readSavedSpec(): Promise<unknown> {
  return read(SPEC_KEY);
}

/** The time stamp of the saved spec's edit (undefined: saved without one). */
export async function readSavedSpecAt(): Promise<number | undefined> {
  const at = await read<unknown>(SPEC_AT_KEY).catch(() => undefined);
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/** Removes the saved spec (after it was kept aside: a reload must not keep it aside again). */
export async function deleteSavedSpec(): Promise<void> {
  const s = store();
  if (s) await del(SPEC_KEY, s);
}

/** The UI's view state (src/spec/viewState.ts), saved apart from the spec: no stage reads it. */
export async function saveView(view: unknown, at?: number): Promise<{ reopened: boolean }> {
  return write((s) => (at === undefined ? set(VIEW_KEY, view, s) : setMany([[VIEW_KEY, view], [VIEW_AT_KEY, at]], s)));
}

export async function readSavedView(): Promise<unknown> {
  return read(VIEW_KEY);
}

export async function readSavedViewAt(): Promise<number | undefined> {
  const at = await read<unknown>(VIEW_AT_KEY).catch(() => undefined);
  return typeof at === 'number' && Number.isFinite(at) ? at : undefined;
}

/** Stores an uploaded file as a Blob (the picker's File as it is), under its source id. */
export async function saveFile(id: string, name: string, data: Blob | Uint8Array): Promise<void> {
  const blob = data instanceof Blob ? data : new Blob([data as Uint8Array<ArrayBuffer>]);
  const { reopened } = await write((s) => set(fileKey(id), { name, blob, size: blob.size }, s));
  if (reopened) savedSinceClose.add(id);
}

export type StoredFile = { name: string; bytes: Uint8Array } | { damaged: true; name: string; record: unknown };

/**
 * The stored file, or `damaged` when the record is not a file (a string, a number, bytes of the wrong
 * type …): the caller keeps the record aside and restores the session without it.
 */
export async function readFile(id: string): Promise<StoredFile | undefined> {
  const rec = await readFileData(id);
  if (rec === undefined || 'damaged' in rec) return rec;
  return { name: rec.name, bytes: rec.data instanceof Blob ? new Uint8Array(await rec.data.arrayBuffer()) : rec.data };
}

export type StoredData = { name: string; data: Blob | Uint8Array } | { damaged: true; name: string; record: unknown };

/**
 * The stored file as it is kept — a Blob, which the worker reads itself (a restore of 500 MB never
 * holds the bytes on the page) — or `damaged` as in readFile.
 */
export async function readFileData(id: string): Promise<StoredData | undefined> {
  const rec = await read<unknown>(fileKey(id));
  if (rec === undefined) return undefined;
  const r = typeof rec === 'object' && rec !== null ? (rec as { name?: unknown; blob?: unknown; bytes?: unknown }) : {};
  const name = typeof r.name === 'string' ? r.name : id;
  if (r.blob instanceof Blob) return { name, data: r.blob };
  // Sessions saved before files were stored as Blobs hold the bytes themselves.
  if (r.bytes instanceof Uint8Array) return { name, data: r.bytes };
  if (r.bytes instanceof ArrayBuffer) return { name, data: new Uint8Array(r.bytes) };
  return { damaged: true, name, record: rec };
}

/**
 * Checks a stored file's record without reading its bytes (a session check at start-up must not
 * load 500 MB): `missing`, `ok`, or the record when it is not a file.
 */
export async function inspectFile(id: string): Promise<'missing' | 'ok' | { damaged: true; name: string; record: unknown }> {
  const rec = await read<unknown>(fileKey(id));
  if (rec === undefined) return 'missing';
  const r = typeof rec === 'object' && rec !== null ? (rec as { name?: unknown; blob?: unknown; bytes?: unknown }) : {};
  if (r.blob instanceof Blob || r.bytes instanceof Uint8Array || r.bytes instanceof ArrayBuffer) return 'ok';
  return { damaged: true, name: typeof r.name === 'string' ? r.name : id, record: rec };
}

export async function deleteFile(id: string): Promise<void> {
  const s = store();
  if (s) await del(fileKey(id), s).catch(() => undefined);
}

/** An import that was running when the page last stopped (see `importing` above). */
export interface ImportMarker {
  /** upload: files picked in the data view; restore: re-reading a saved session; project: opening a
   *  project file; ssb: reading a table fetched from SSB (the fetched bytes are not stored yet). */
  phase: 'upload' | 'restore' | 'project' | 'ssb';
  files: { name: string; id?: string }[];
  /** The project file being opened (phase project). */
  project?: string;
  startedAt: string;
}

export async function markImporting(marker: Omit<ImportMarker, 'startedAt'>): Promise<void> {
  // Best effort: an import is never refused because the marker could not be written.
  await write((s) => set(IMPORTING_KEY, { ...marker, startedAt: new Date().toISOString() }, s)).catch(() => undefined);
}

export async function clearImporting(): Promise<void> {
  const s = store();
  if (s) await del(IMPORTING_KEY, s).catch(() => undefined);
}

export async function readImporting(): Promise<ImportMarker | undefined> {
  const m = await read<unknown>(IMPORTING_KEY).catch(() => undefined);
  if (typeof m !== 'object' || m === null || !Array.isArray((m as ImportMarker).files)) return undefined;
  return m as ImportMarker;
}

/**
 * The import that was running when the page died, held until the user has chosen what to do with
 * its files (read again or remove): until then a reload does not read them either.
 */
export async function holdCrashed(marker: ImportMarker): Promise<void> {
  await write((s) => set(CRASHED_KEY, marker, s)).catch(() => undefined);
}

export async function readCrashed(): Promise<ImportMarker | undefined> {
  const m = await read<unknown>(CRASHED_KEY).catch(() => undefined);
  if (typeof m !== 'object' || m === null || !Array.isArray((m as ImportMarker).files)) return undefined;
  return m as ImportMarker;
}

export async function clearCrashed(): Promise<void> {
  const s = store();
  if (s) await del(CRASHED_KEY, s).catch(() => undefined);
}

export interface DamagedEntry {
  key: string;
  /** What was kept: the saved session, or one stored file's record. */
  what: 'session' | 'file';
  /** The file's name (what: file). */
  name?: string;
  /** Why it could not be used, in bokmål and English. */
  reason: string;
  reasonEn: string;
  keptAt: string;
  value: unknown;
}

/** Keeps a value aside before anything can overwrite it; returns its key. */
export async function keepAside(entry: Omit<DamagedEntry, 'key' | 'keptAt'>): Promise<string> {
  const keptAt = new Date().toISOString();
  const key = `${DAMAGED_PREFIX}${keptAt}:${Math.random().toString(36).slice(2, 8)}`;
  await write((s) => set(key, { ...entry, key, keptAt }, s));
  return key;
}

export async function listDamaged(): Promise<DamagedEntry[]> {
  const s = store();
  if (!s) return [];
  const all = ((await keys(s).catch(() => [])) as IDBValidKey[]).filter((k): k is string => typeof k === 'string' && k.startsWith(DAMAGED_PREFIX));
  const out: DamagedEntry[] = [];
  for (const k of all.sort()) {
    const e = await read<DamagedEntry>(k).catch(() => undefined);
    if (e && typeof e === 'object') out.push(e);
  }
  return out;
}

export async function deleteDamaged(key: string): Promise<void> {
  const s = store();
  if (s) await del(key, s).catch(() => undefined);
}
