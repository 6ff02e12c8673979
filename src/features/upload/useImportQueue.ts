/**
 * The upload queue of the data view: files are read one after the other (so each has its own
 * progress bar), files above the size limit are refused before they are read into memory, and a
 * cancelled file is dropped (queued: never read; running: the worker stops between slices of the file and
 * keeps nothing, or — if it had already finished — the file is removed again; earlier data is never
 * touched).
 */
import { useCallback, useRef, useState } from 'react';
import { MAX_FILE_BYTES } from '../../ingest/limits';
import { cancelImport, importFiles, removeSource } from '../../store/actions';
import type { Problem } from '../../engine/problem';

export interface QueueItem {
  key: number;
  name: string;
  size: number;
  state: 'queued' | 'reading' | 'done' | 'cancelled' | 'refused' | 'failed';
  /** Why nothing of the file could be read (state failed): the first problem the import reported. */
  problem?: Problem;
}

export function useImportQueue() {
  const [items, setItems] = useState<QueueItem[]>([]);
  const files = useRef(new Map<number, File>());
  const cancelled = useRef(new Set<number>());
  const running = useRef(false);
  const nextKey = useRef(1);

  const patch = useCallback((key: number, state: QueueItem['state'], problem?: Problem) => {
    setItems((xs) => xs.map((x) => (x.key === key ? { ...x, state, problem } : x)));
  }, []);

  const pump = useCallback(async () => {
    if (running.current) return;
    running.current = true;
    try {
      for (;;) {
        const entry = [...files.current.entries()][0];
        if (!entry) break;
        const [key, file] = entry;
        files.current.delete(key);
        if (cancelled.current.has(key)) continue;
        if (file.size > MAX_FILE_BYTES) {
          patch(key, 'refused');
          continue;
        }
        patch(key, 'reading');
        reading.current = key;
        // The File itself goes to the worker (which reads it) and is what is stored for the next
        // session (a Blob: no size limit per value); the page never holds its bytes.
        const out = await importFiles([{ name: file.name, data: file }]);
        reading.current = null;
        if (cancelled.current.has(key)) {
          for (const s of out.sources) await removeSource(s.id);
          patch(key, 'cancelled');
        } else if (out.sources.length === 0 && out.failed.length > 0) {
          // Nothing could be read: not «Ferdig», and the reason next to the file.
          patch(key, 'failed', out.failed[0].problems.find((p) => p.severity !== 'warning') ?? out.failed[0].problems[0]);
        } else patch(key, 'done');
      }
    } finally {
      running.current = false;
    }
  }, [patch]);

  const add = useCallback(
    (list: FileList | File[]) => {
      const added: QueueItem[] = [];
      for (const f of Array.from(list)) {
        const key = nextKey.current++;
        files.current.set(key, f);
        added.push({ key, name: f.name, size: f.size, state: 'queued' });
      }
      setItems((xs) => [...xs, ...added]);
      void pump();
    },
    [pump],
  );

  const reading = useRef<number | null>(null);
  const cancel = useCallback(
    (key: number) => {
      cancelled.current.add(key);
      if (reading.current === key) void cancelImport();
      setItems((xs) => xs.map((x) => (x.key === key && (x.state === 'queued' || x.state === 'reading') ? { ...x, state: x.state === 'queued' ? 'cancelled' : x.state } : x)));
    },
    [],
  );

  return { items, add, cancel };
}
