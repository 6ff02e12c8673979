/**
 * The flags every Chromium this repository starts gets (the e2e tests in playwright.config.ts, the
 * browser benches in bench/). One list, so a bench measures the browser the tests use.
 *
 * The first six keep a headless Chromium on a shared machine quiet (no sandbox as root, no GPU, no
 * background updates, sync or first-run pages).
 *
 * `--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup`: Chromium 156 renders its omnibox
 * (address bar) popups as web pages (chrome://omnibox-popup.top-chrome, two of them) in a renderer
 * of their own whenever a window opens, and Playwright opens one per browser context. Traced during
 * the demo's cold load on this 2-core machine, that renderer took ~0,8 s of CPU (lit, composebox.js)
 * exactly while the page loaded, competing with the page for a core. A user's page load does not pay
 * it (their window's popup was made when the window opened), so the benches and tests leave it out.
 * Checked with CDP Target.getTargets: with the flag only the page is there.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--disable-sync',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup',
];
