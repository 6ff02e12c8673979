/** The active view lives in the URL hash (#models), so views can be bookmarked and Back works. */
import { useEffect, useState } from 'react';
import type { ViewDef } from '../features/registry';

function readHash(): string {
  return decodeURIComponent(window.location.hash.replace(/^#\/?/, ''));
}

export function useActiveView(views: ViewDef[]): ViewDef | undefined {
  const [id, setId] = useState(readHash);
  useEffect(() => {
    const onChange = () => setId(readHash());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return views.find((v) => v.id === id) ?? views[0];
}

export function viewHref(id: string): string {
  return `#${encodeURIComponent(id)}`;
}
