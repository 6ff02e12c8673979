/**
 * Which PxWebApi v2 the app talks to. SSB's API by default; at build time `VITE_SSB_API` points the
 * page elsewhere (the tests use the stand-in) and `VITE_SSB_FETCH=off` builds fetching out — the CSP
 * (src/security/csp.ts) then forbids it too. The CLI takes `--api`. No imports: vite.config.ts loads
 * this file while it builds.
 */

/** SSB's PxWebApi v2 (https://www.ssb.no/api/api-mot-statistikkbanken--brukerveiledning). */
export const DEFAULT_SSB_API = 'https://data.ssb.no/api/pxwebapi/v2';

/** The base URL without a trailing slash; throws on anything but an absolute http(s) URL. */
export function normaliseApiBase(api: string): string {
  const url = new URL(api.trim());
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`API-adressen må være http(s): ${api}`);
  return url.href.replace(/\/+$/, '');
}

export interface SsbBuildSettings {
  /** API base URL the page may fetch from; null when fetching is built out. */
  api: string | null;
}

export function ssbBuildSettings(env: Record<string, string | boolean | undefined>): SsbBuildSettings {
  const off = String(env.VITE_SSB_FETCH ?? '').trim().toLowerCase();
  if (off === 'off' || off === 'false' || off === '0') return { api: null };
  const api = typeof env.VITE_SSB_API === 'string' && env.VITE_SSB_API.trim() ? env.VITE_SSB_API : DEFAULT_SSB_API;
  return { api: normaliseApiBase(api) };
}
