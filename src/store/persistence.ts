/**
 * Autosave: the spec, the view state and the bytes of uploaded files live in IndexedDB, so a reload
 * restores the session. Nothing leaves the machine. Every call is a no-op where IndexedDB is absent
 * (Node tests).
 */
import { createStore, del, get, set, type UseStore } from 'idb-keyval';

const SPEC_KEY = 'spec';
const VIEW_KEY = 'view';
const fileKey = (id: string) => `file:${id}`;

let db: UseStore | null | undefined;
function store(): UseStore | null {
  if (db === undefined)
    db = typeof indexedDB === 'undefined' ? null : createStore('kostnadsnokkel-lab', 'session');
  return db;
}

export async function saveSpec(spec: unknown): Promise<void> {
  const s = store();
  if (s) await set(SPEC_KEY, spec, s);
}

export async function readSavedSpec(): Promise<unknown> {
  const s = store();
  return s ? get(SPEC_KEY, s) : undefined;
}

/** The UI's view state (src/spec/viewState.ts), saved apart from the spec: no stage reads it. */
export async function saveView(view: unknown): Promise<void> {
  const s = store();
  if (s) await set(VIEW_KEY, view, s);
}

export async function readSavedView(): Promise<unknown> {
  const s = store();
  return s ? get(VIEW_KEY, s) : undefined;
}

export async function saveFile(id: string, name: string, bytes: Uint8Array): Promise<void> {
  const s = store();
  if (s) await set(fileKey(id), { name, bytes }, s);
}

export async function readFile(id: string): Promise<{ name: string; bytes: Uint8Array } | undefined> {
  const s = store();
  return s ? get(fileKey(id), s) : undefined;
}

export async function deleteFile(id: string): Promise<void> {
  const s = store();
  if (s) await del(fileKey(id), s);
}
