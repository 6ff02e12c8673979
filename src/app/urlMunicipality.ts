/**
 * The address of a view, and of «Min kommune» for one municipality: `#kommune=0301` (or
 * `#my-municipality&kommune=0301`) opens Min kommune with 0301 chosen, so a ministry can send a link
 * to each municipality. The view id stays the first part of the hash (`#models`), as before.
 */
export const MY_MUNICIPALITY_VIEW = 'my-municipality';

export function parseHash(hash: string): { view: string; kommune: string | null } {
  const parts = decodeURIComponent(hash.replace(/^#\/?/, '')).split('&');
  let view = '';
  let kommune: string | null = null;
  for (const p of parts) {
    const m = /^kommune=(\d{4})$/.exec(p.trim());
    if (m) kommune = m[1];
    else if (!p.includes('=') && !view) view = p;
  }
  return { view: view || (kommune ? MY_MUNICIPALITY_VIEW : ''), kommune };
}

export function municipalityHref(code: string): string {
  return `#kommune=${encodeURIComponent(code)}`;
}
