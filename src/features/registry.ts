/**
 * The dashboard's views, in navigation order, with their metadata. Each feature folder exports its
 * `component` from index.ts; owners add one entry here with `lazyView(...)`. `order` follows the flow:
 *   10 data · 20 variables · 30 models · 40 explained variance · 50 stability · 60 cost key ·
 *   65 total key · 70 redistribution · 80 my municipality · 90 share/export
 *
 * Views are loaded on first use (speed budget of 50 ms per task: the start-up bundle was one long
 * task of parsing every view and chart library). The navigation needs id/title/order before any view
 * code is loaded, so this is their one home; a feature folder's index.ts exports only its `component`.
 */
import { createElement, lazy, Suspense, useLayoutEffect, type ComponentType } from 'react';
import { holdDrawing } from '../store/drawHold';
import { useLanguage } from '../i18n/useLanguage';
import type { SectionKey } from '../results/analysisResults';

export interface ViewDef {
  id: string;
  title: { nb: string; en: string };
  /** Position in the navigation (the flow: data → variables → models → … → export). */
  order: number;
  component: ComponentType;
  /**
   * The result sections the view shows (what it and its panels read from `results`): on a first load
   * they are computed and shown before the rest (store: setShownSections), and the shell says the
   * store has its results (`main[data-results="shown"]`) once they are all there (the view marks what it
   * has drawn itself: `data-view-results`).
   */
  shows: SectionKey[];
}

type Loader = () => Promise<{ component: ComponentType }>;

/** Shown for the moment a view's code is fetched; role=status so screen readers hear it. */
function ViewLoading() {
  const lang = useLanguage();
  // While a view's code is on its way the page is not done drawing (store/drawHold.ts).
  useLayoutEffect(() => holdDrawing(), []);
  return createElement('p', { role: 'status', className: 'kl-view-loading' }, lang === 'en' ? 'Loading view …' : 'Laster visning …');
}

/**
 * The Suspense boundary sits inside the component itself, so every place that renders a view
 * (the shell, the presentation mode) works without its own boundary.
 */
function lazyView(meta: Omit<ViewDef, 'component'>, load: Loader): ViewDef & { load: Loader } {
  const Lazy = lazy(() => load().then((m) => ({ default: m.component })));
  function View() {
    return createElement(Suspense, { fallback: createElement(ViewLoading) }, createElement(Lazy));
  }
  View.displayName = `View(${meta.id})`;
  return { ...meta, component: View, load };
}

export const views: (ViewDef & { load: Loader })[] = [
  lazyView({ id: 'data', title: { nb: 'Data', en: 'Data' }, order: 10, shows: ['dataset'] }, () => import('./upload')),
  lazyView({ id: 'variables', title: { nb: 'Variabler', en: 'Variables' }, order: 20, shows: ['dataset'] }, () => import('./variables')),
  lazyView({ id: 'describe', title: { nb: 'Beskrivende statistikk', en: 'Descriptives' }, order: 25, shows: ['dataset', 'describe'] }, () => import('./describe')),
  lazyView({ id: 'models', title: { nb: 'Modeller', en: 'Models' }, order: 30, shows: ['dataset', 'models'] }, () => import('./models')),
  lazyView({ id: 'explained', title: { nb: 'Forklart variasjon', en: 'Explained variance' }, order: 40, shows: ['dataset', 'explained'] }, () => import('./explained')),
  lazyView({ id: 'stability', title: { nb: 'Stabilitet over år', en: 'Stability across years' }, order: 50, shows: ['dataset', 'stability'] }, () => import('./stability')),
  lazyView({ id: 'costkey', title: { nb: 'Kostnadsnøkkel', en: 'Cost key' }, order: 60, shows: ['dataset', 'costKey', 'keyUncertainty'] }, () => import('./costkey')),
  lazyView({ id: 'total-key', title: { nb: 'Samlet nøkkel', en: 'Total key' }, order: 65, shows: ['dataset', 'totalKey', 'scenarios'] }, () => import('./total-key')),
  lazyView({ id: 'redistribution', title: { nb: 'Omfordeling', en: 'Redistribution' }, order: 70, shows: ['costKey', 'scenarios'] }, () => import('./redistribution')),
  lazyView({ id: 'my-municipality', title: { nb: 'Min kommune', en: 'My municipality' }, order: 80, shows: ['dataset', 'costKey', 'keyUncertainty', 'scenarios'] }, () => import('./my-municipality')),
  lazyView({ id: 'district', title: { nb: 'Bydeler', en: 'Districts' }, order: 85, shows: ['district'] }, () => import('./district')),
  lazyView({ id: 'share', title: { nb: 'Del og eksporter', en: 'Share and export' }, order: 90, shows: ['dataset', 'models'] }, () => import('./share')),
];
