import { defineConfig, loadEnv, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { patchDesignsystemetCss } from './src/styles/designsystemetPatch.ts';
import { contentSecurityPolicy } from './src/security/csp.ts';
import { ssbBuildSettings } from './src/ssb/apiBase.ts';
import { demoPackStamp } from './scripts/demo/packStamp.ts';
import { startupPreload } from './scripts/build/startupPreload.ts';

// The Content-Security-Policy (src/security/csp.ts): only the page's own origin, plus SSB's PxWebApi
// for «Hent fra SSB» (VITE_SSB_API, default https://data.ssb.no/api/pxwebapi/v2) unless the build is
// offline (VITE_SSB_FETCH=off). The dev server needs websocket HMR (a connection), so the policy goes
// only into the built page.
function contentSecurityPolicyTag(ssbApi: string | null): Plugin {
  return {
    name: 'kostnadsnokkel-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        '<head>',
        `<head>\n    <meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(ssbApi)}" />`,
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
 * Start-up evaluates the bundle in stages, one task each (src/main.tsx; speed budget: no task over
 * 50 ms). A stage can only be its own task if its modules are in their own chunk, so the big
 * libraries get fixed chunks instead of landing in whichever chunk first imports them.
 */
const chunkGroups = [
  { name: 'react', test: /[\\/]node_modules[\\/](?:react|react-dom|scheduler)[\\/]/ },
  // zod's core (checks, parsing machinery) and its classic API (schema classes, the English messages)
  // are two start-up stages: evaluated together they were one task of ~100 ms under load.
  { name: 'zod-core', test: /[\\/]node_modules[\\/]zod[\\/]v4[\\/]core[\\/]/ },
  { name: 'zod', test: /[\\/]node_modules[\\/]zod[\\/]/ },
  { name: 'ds-web', test: /[\\/]node_modules[\\/](?:@digdir[\\/]designsystemet-web|@u-elements)[\\/]/ },
  {
    name: 'ds-react',
    test: /[\\/]node_modules[\\/](?:@digdir[\\/]designsystemet-react|@floating-ui|@tanstack|@radix-ui|@navikt|tabbable|clsx)[\\/]/,
  },
];

export default defineConfig(({ mode }) => {
  // loadEnv also picks up VITE_… variables set in the shell (process.env).
  const ssb = ssbBuildSettings(loadEnv(mode, process.cwd(), 'VITE_'));
  return {
    plugins: [
      react(),
      contentSecurityPolicyTag(ssb.api),
      designsystemetCssPatch(),
      // The start-up chain's code and the first view's, requested with the page (src/main.tsx).
      startupPreload(/[\\/]src[\\/]features[\\/]upload[\\/]index\.tsx?$/),
    ],
    // The demo's pre-read files are used only when written by the page's own reading code
    // (src/ingest/packedSources.ts).
    define: { 'import.meta.env.VITE_DEMO_PACK_STAMP': JSON.stringify(demoPackStamp()) },
    base: './',
    worker: { format: 'es' as const },
    build: {
      target: 'es2022',
      chunkSizeWarningLimit: 5000,
      rolldownOptions: { output: { codeSplitting: { groups: chunkGroups } } },
    },
    server: { host: '127.0.0.1' },
  };
});
