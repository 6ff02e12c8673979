import { describe, expect, it } from 'vitest';
import { views } from './registry';
import { stages } from '../worker/stages';

// The registry is the one home of each view's id/title/order (the navigation renders before any view
// code loads); each folder's index.ts gives the component.
describe('view registry', () => {
  it.each(views.map((v) => [v.id, v] as const))('%s loads its component', async (_id, v) => {
    const { component } = await v.load();
    expect(typeof component).toBe('function');
  });

  it('has unique ids', () => {
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
  });

  // The shell computes and shows a view's sections first on a first load, and marks the view as having
  // its results when they are all there: each view names what it reads, and only real sections.
  it('every view declares the result sections it shows', () => {
    const sections = new Set(['dataset', ...stages.map((s) => s.key)]);
    for (const v of views) {
      expect(v.shows.length, v.id).toBeGreaterThan(0);
      for (const k of v.shows) expect(sections.has(k), `${v.id}: ${k}`).toBe(true);
    }
  });
});
