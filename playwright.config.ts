import { defineConfig } from '@playwright/test';
import { standinPort, STANDIN_BASE_PATH } from './e2e/support/ssb';
import { CHROMIUM_ARGS } from './scripts/chromiumArgs';

// The built app (vite preview) in the system's Chromium: Playwright's own browser download is not
// available offline, and testing the production bundle also tests the CSP.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
// Several people may test in one tree at once: each can use its own port, build and output folder.
const port = Number(process.env.E2E_PORT ?? 4173);
const dist = process.env.E2E_DIST ?? 'dist';
// The PxWebApi v2 stand-in (test/ssb-standin): «Hent fra SSB» is tested without internet. A low cell
// limit in its /config makes the population recipe split, as a full-size fetch from SSB would; its slow
// table answers after 90 s, so a test can see the progress and cancel.
const ssbPort = standinPort();

export default defineConfig({
  testDir: 'e2e',
  outputDir: process.env.E2E_OUTPUT ?? 'test-results',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 240_000,
  expect: { timeout: 20_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'nb-NO',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: [...CHROMIUM_ARGS],
    },
  },
  projects: [{ name: 'chromium', use: { browserName: 'chromium' } }],
  webServer: [
    {
      command: `npx tsx test/ssb-standin/main.ts --port ${ssbPort} --max-cells 100000 --slow-ms 90000`,
      url: `http://127.0.0.1:${ssbPort}${STANDIN_BASE_PATH}/config`,
      reuseExistingServer: false,
      timeout: 60_000,
    },
    {
      command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
      url: `http://127.0.0.1:${port}`,
      // Never reuse: in a shared tree the port may belong to someone else's build.
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});
