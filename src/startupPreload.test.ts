import { describe, expect, it } from 'vitest';
import { preloadStartupModules } from './startupPreload';

/** The little of a Document this touches: the meta element, createElement and the head. */
function fakeDocument(content: string | null) {
  const head: { rel: string; href: string; crossOrigin: string | null }[] = [];
  const doc = {
    baseURI: 'http://example.test/app/',
    querySelector: (sel: string) =>
      sel === 'meta[name="kl-startup-modules"]' && content !== null ? { getAttribute: (a: string) => (a === 'content' ? content : null) } : null,
    createElement: () => ({ rel: '', href: '', crossOrigin: null as string | null }),
    head: { append: (el: (typeof head)[number]) => head.push(el) },
  };
  return { doc: doc as unknown as Document, head };
}

describe('preloadStartupModules', () => {
  it('adds one modulepreload link per listed file, in order, resolved against the page', () => {
    const { doc, head } = fakeDocument('assets/zod-core.js assets/App.js');
    expect(preloadStartupModules(doc)).toBe(2);
    expect(head).toEqual([
      { rel: 'modulepreload', href: 'http://example.test/app/assets/zod-core.js', crossOrigin: '' },
      { rel: 'modulepreload', href: 'http://example.test/app/assets/App.js', crossOrigin: '' },
    ]);
  });

  it('does nothing without the list (the dev server) or with an empty one', () => {
    for (const content of [null, '', '  ']) {
      const { doc, head } = fakeDocument(content);
      expect(preloadStartupModules(doc)).toBe(0);
      expect(head).toEqual([]);
    }
  });
});
