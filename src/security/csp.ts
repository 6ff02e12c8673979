/**
 * The Content-Security-Policy of the built page (a meta tag, set in vite.config.ts). Scripts, styles,
 * workers, images and fonts only from the page's own origin; connections to the page's origin (its
 * bundled demo files) and to SSB's PxWebApi — the one network call the app makes, carrying only a
 * table number and the codes the user picked. An offline build (`VITE_SSB_FETCH=off`) allows no
 * connection but its own origin. No imports: vite.config.ts loads this file while it builds.
 */
export function contentSecurityPolicy(ssbApi: string | null): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${ssbApi ? ` ${new URL(ssbApi).origin}` : ''}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}
