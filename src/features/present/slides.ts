/**
 * Slide kinds (the view state's `slides`, `{ id, kind, title }`; src/spec/viewState.ts):
 *   summary           what the analysis is (title, data, models)
 *   table:regression  the models shown, in the report layout
 *   view:<viewId>     a registered view, rendered in large type (its charts and tables)
 * Unknown kinds show their title and a note, so a project from a newer version still presents.
 */
import type { Slide } from '../../spec/viewState';

export type { Slide };

export function defaultSlides(lang: 'nb' | 'en'): Slide[] {
  return [
    { id: 'summary', kind: 'summary', title: lang === 'nb' ? 'Om analysen' : 'About the analysis' },
    { id: 'regression', kind: 'table:regression', title: lang === 'nb' ? 'Regresjonsresultater' : 'Regression results' },
  ];
}

/** The slide set to show; the default slides are titled in the screen's language whenever they appear. */
export function slidesFor(view: { slides: Slide[] }, lang: 'nb' | 'en'): Slide[] {
  const defaults = defaultSlides(lang);
  return view.slides.length ? view.slides.map((x) => defaults.find((d) => d.kind === x.kind) ?? x) : defaults;
}

/** Keyboard → new index (null = not a navigation key). Pure, so it is unit-tested. */
export function navigate(key: string, index: number, count: number): number | 'close' | null {
  switch (key) {
    case 'ArrowRight':
    case 'PageDown':
    case ' ':
      return Math.min(count - 1, index + 1);
    case 'ArrowLeft':
    case 'PageUp':
      return Math.max(0, index - 1);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(0, count - 1);
    case 'Escape':
      return 'close';
    default:
      return null;
  }
}
