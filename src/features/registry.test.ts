import { describe, expect, it } from 'vitest';
import { views } from './registry';

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
});
