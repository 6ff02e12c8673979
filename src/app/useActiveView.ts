/** The active view lives in the URL hash (#models), so views can be bookmarked and Back works. */
import { startTransition, useEffect, useState } from 'react';
import type { ViewDef } from '../features/registry';
import { useUiStore } from '../store/uiStore';
import { parseHash } from './urlMunicipality';

function readHash(): string {
  return parseHash(window.location.hash).view;
}

/**
 * `#kommune=0301` chooses the municipality of «Min kommune». Called on every hash change and once the
 * session has started (startSession resets the view state when it loads the demo, so the address
 * must win after that).
 */
export function applyHashMunicipality(): void {
  const { kommune } = parseHash(window.location.hash);
  if (kommune && useUiStore.getState().myMunicipality !== kommune) useUiStore.getState().setView({ myMunicipality: kommune });
}

/** The view the address opens (the first view when it names none). */
export function addressedView<V extends ViewDef>(views: V[]): V | undefined {
  const id = readHash();
  return views.find((v) => v.id === id) ?? views[0];
}

export function useActiveView(views: ViewDef[]): ViewDef | undefined {
  const [id, setId] = useState(readHash);
  useEffect(() => {
    // A transition lets React render the new view in slices instead of one long task (speed
    // budget: no main-thread task over 50 ms); the old view stays until the new one is ready.
    const onChange = () => {
      applyHashMunicipality();
      startTransition(() => setId(readHash()));
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return views.find((v) => v.id === id) ?? views[0];
}

export function viewHref(id: string): string {
  return `#${encodeURIComponent(id)}`;
}
