/** The active view lives in the URL hash (#models), so views can be bookmarked and Back works. */
import { startTransition, useEffect, useState } from 'react';
import type { ViewDef } from '../features/registry';

function readHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
}

export function useActiveView(views: ViewDef[]): ViewDef | undefined {
  const [id, setId] = useState(readHash);
  useEffect(() => {
    // A transition lets React render the new view in slices instead of one long task (speed
    // budget: no main-thread task over 50 ms); the old view stays until the new one is ready.
    const onChange = () => startTransition(() => setId(readHash()));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return views.find((v) => v.id === id) ?? views[0];
}

export function viewHref(id: string): string {
  return `#${encodeURIComponent(id)}`;
}
