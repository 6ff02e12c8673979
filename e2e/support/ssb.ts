/**
 * The PxWebApi stand-in of the end-to-end tests, and the API origins the built page may contact.
 * Playwright starts the stand-in next to the preview (playwright.config.ts). The page's own CSP says
 * which API it talks to (`connect-src`): with the default build that is https://data.ssb.no, and the
 * fixtures route exactly that origin to the stand-in; a build made with VITE_SSB_API pointing at the
 * stand-in talks to it directly. Either way the page may reach its own origin and that API, nothing else.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Port of the stand-in: E2E_SSB_PORT, else the preview port + 50 (each tester their own). */
export function standinPort(): number {
  return Number(process.env.E2E_SSB_PORT ?? Number(process.env.E2E_PORT ?? 4173) + 50);
}

export const STANDIN_BASE_PATH = '/api/pxwebapi/v2';

export function standinOrigin(): string {
  return `http://127.0.0.1:${standinPort()}`;
}

/** Origins other than 'self' in the built page's `connect-src` (the configured SSB API). */
export function configuredApiOrigins(): string[] {
  const html = readFileSync(path.resolve(process.env.E2E_DIST ?? 'dist', 'index.html'), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)?.[1] ?? '';
  const connect = csp.split(';').map((d) => d.trim()).find((d) => d.startsWith('connect-src')) ?? '';
  return connect.split(/\s+/).slice(1).filter((s) => s !== "'self'").map((s) => new URL(s).origin);
}
