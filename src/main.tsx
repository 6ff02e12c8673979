import '@digdir/designsystemet-css';
import '@digdir/designsystemet-css/theme';
import './styles/app.css';
import { startDemoEarly } from './store/earlyDemo';
import { warmLocaleOffThread } from './i18n/warmLocale';
import { preloadStartupModules } from './startupPreload';

const root = document.getElementById('root');
if (!root) throw new Error('#root missing in index.html');

const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve));

/** Loads one start-up stage in a task of its own: a dynamic import is evaluated when it arrives. */
async function stage<T>(load: () => Promise<T>): Promise<T> {
  await nextTask();
  return load();
}

/**
 * The spec's zod schemas are built as their modules load, and V8 compiles zod's code on first use:
 * ~50 ms in one task, so the sections load one at a time (the first one brings zod itself). A
 * section missing here still loads, with the schema.
 */
const specSections: (() => Promise<unknown>)[] = [
  // zod's core first, its classic API with the first section (vite.config.ts: two chunks).
  () => import('./spec/zodCore'),
  () => import('./spec/viewState'),
  () => import('./spec/sections/data'),
  () => import('./spec/sections/variables'),
  () => import('./spec/sections/describe'),
  () => import('./spec/sections/models'),
  () => import('./spec/sections/explained'),
  () => import('./spec/sections/stability'),
  () => import('./spec/sections/costkey'),
  () => import('./spec/sections/totalKey'),
];

/**
 * Speed budget (no main-thread task over 50 ms, README «Speed budgets»): evaluating the start-up code takes ~150 ms on a
 * slow machine, so it runs as a chain of tasks of one library or layer each. A chunk is evaluated
 * whole, with whatever it imports that has not run yet, so vite.config.ts puts each library in a
 * chunk of its own. Meanwhile index.html shows a static copy of the shell's frame.
 * 0. beside the chain: the analysis worker and, on a first visit, the demo's load (store/earlyDemo.ts),
 *    then every stage's code requested at once (startupPreload.ts: fetched, not evaluated);
 * 1. this entry: the stylesheets and React's core (small);
 * 2. react-dom; 3. zod's core, then its classic API and the spec schemas, section by section; 4. the store;
 * 5. Designsystemet's web components; 6. Designsystemet React and the shell;
 * 7. the first render, as a transition, which React renders in time slices.
 */
async function start(): Promise<void> {
  // React comes with react-dom, not as the entry's static import: the entry (which starts the worker
  // and the demo's requests) then runs as soon as it has arrived, not after React's chunk too.
  const [{ createRoot }, { StrictMode, createElement, startTransition }] = await stage(() =>
    Promise.all([import('react-dom/client'), import('react')]),
  );
  for (const section of specSections) await stage(section);
  await stage(() => import('./spec/schema'));
  const { startSession } = await stage(() => import('./store/session'));
  await stage(() => import('@digdir/designsystemet-web'));
  const { App, followShownSections } = await stage(() => import('./app/App'));
  followShownSections();
  // The session checks the saved session (and keeps a damaged one aside) before its autosave starts;
  // RestorePrompt shows what it found (src/store/sessionStore).
  // The address may choose a municipality (#kommune=0301): applied after the session's view state.
  void startSession().then(() => import('./app/useActiveView').then((m) => m.applyHashMunicipality()));
  await nextTask();
  // ICU's locale data load in a throw-away worker while the demo computes (i18n/warmLocaleData.ts):
  // started after the start-up chain, whose tasks it would otherwise slow on a 2-core machine.
  warmLocaleOffThread();
  startTransition(() => {
    createRoot(root!).render(createElement(StrictMode, null, createElement(App)));
  });
}
// The worker and the demo's load start first and run beside the chain (small: comlink and idb-keyval);
// the chain's code is requested after their requests.
startDemoEarly();
preloadStartupModules();
void start();
