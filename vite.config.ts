import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { patchDesignsystemetCss } from './src/styles/designsystemetPatch.ts';

// The Content-Security-Policy forbids every network connection after load: registry data
// must never leave the browser. connect-src 'self' is kept only so the page can read its own
// bundled demo files; nothing else is reachable.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

// The dev server needs websocket HMR (a connection), so the policy goes only into the built page.
function contentSecurityPolicy(): Plugin {
  return {
    name: 'kostnadsnokkel-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}" />`,
      );
    },
  };
}

// Drops and rewrites Designsystemet's slow selectors in its CSS source (dev and build), so the browser
// never matches them (see src/styles/designsystemetPatch.ts).
function designsystemetCssPatch(): Plugin {
  return {
    name: 'kostnadsnokkel-designsystemet-css',
    enforce: 'pre',
    transform: {
      filter: { id: /[\\/]@digdir[\\/]designsystemet-css[\\/]dist[\\/]src[\\/]index\.css$/ },
      handler(code) {
        const { css, counts } = patchDesignsystemetCss(code);
        if (Object.values(counts).some((n) => n === 0))
          this.warn(
            `Designsystemet CSS patch found less than expected (${JSON.stringify(counts)}): has the CSS changed?`,
          );
        return { code: css, map: null };
      },
    },
  };
}

/**
 * Start-up evaluates the bundle in stages, one task each (src/main.tsx; issue 2 item 4: no task over
 * 50 ms). A stage can only be its own task if its modules are in their own chunk, so the big
 * libraries get fixed chunks instead of landing in whichever chunk first imports them.
 */
const chunkGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ },
  { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
  { name: 'ds-web', test: /[\\/]node_modules[\\/](?:@digdir[\\/]designsystemet-web|@u-elements)[\\/]/ },
  {
    name: 'ds-react',
    test: /[\\/]node_modules[\\/](?:@digdir[\\/]designsystemet-react|@floating-ui|@tanstack|@radix-ui|@navikt|tabbable|clsx)[\\/]/,
  },
];

export default defineConfig({
  plugins: [react(), contentSecurityPolicy(), designsystemetCssPatch()],
  base: './',
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 5000,
    rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
  },
  server: { host: '127.0.0.1' },
});
