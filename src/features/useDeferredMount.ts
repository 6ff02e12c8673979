/** Staged mounting for heavy views (speed budget: no main-thread task over 50 ms). */
import { startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { holdDrawing } from '../store/drawHold';

// A tab in the background gets no animation frames; this keeps the stages coming anyway.
const FRAME_FALLBACK_MS = 100;

/** Runs `fn` in a fresh task after the browser has had a chance to render a frame, so the style and
 *  layout of what was just committed are not paid for in the same frame as the next stage. */
function afterNextFrame(fn: () => void): () => void {
  let done = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const frame =
    typeof requestAnimationFrame === 'function'
      ? requestAnimationFrame(() => (timer = setTimeout(run, 0)))
      : undefined;
  const fallback = setTimeout(run, FRAME_FALLBACK_MS);
  return () => {
    done = true;
    if (frame !== undefined) cancelAnimationFrame(frame);
    clearTimeout(timer);
    clearTimeout(fallback);
  };
}

/**
 * How many of a view's `stages` deferred parts may be mounted yet: 0 on the first render, then one
 * more per frame. Opening a view with thousands of form elements otherwise styles and lays them
 * all out in one task; staged, the first screenful is painted at once and the rest follows in
 * frames of their own.
 */
export function useDeferredMount(stages: number): number {
  const [ready, setReady] = useState(0);
  useDrawingHeld(ready < stages);
  useEffect(() => {
    if (ready >= stages) return;
    return afterNextFrame(() => setReady((n) => n + 1));
  }, [ready, stages]);
  return ready;
}

/**
 * Holds the page's drawing (store/drawHold.ts) while `pending`, and until a frame after it ends, so
 * the last part's style and layout are done too before the worker starts the rest of a first load.
 */
function useDrawingHeld(pending: boolean): void {
  // A layout effect: held in the commit that mounts the part, before any later task could look.
  useLayoutEffect(() => {
    if (!pending) return;
    const release = holdDrawing();
    return () => void afterNextFrame(release);
  }, [pending]);
}

/**
 * False until a frame after `ready` first became true, then true for good. For a part whose content
 * arrives with a results message (the Data view's catalogue and validation report): mounted in the
 * same commit as the file cards, the three were one task of DOM, style and layout; revealed a frame
 * apart, each is a task of its own. The reveal is a transition, so its render is time-sliced.
 */
export function useRevealAfterFrame(ready: boolean): boolean {
  const [shown, setShown] = useState(false);
  useDrawingHeld(ready && !shown);
  useEffect(() => {
    if (!ready || shown) return;
    return afterNextFrame(() => startTransition(() => setShown(true)));
  }, [ready, shown]);
  return shown;
}
