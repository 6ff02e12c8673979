import { describe, expect, it } from 'vitest';
import { views } from './registry';

// The registry repeats each view's id/title/order so the navigation renders before any view code
// loads; this keeps the copy in step with the folder's own `view`.
describe('view registry', () => {
  it.each(views.map((v) => [v.id, v] as const))('%s matches its folder', async (_id, v) => {
    const { view } = await v.load();
    expect({ id: v.id, title: v.title, order: v.order }).toEqual({ id: view.id, title: view.title, order: view.order });
  });

  it('has unique ids', () => {
    expect(new Set(views.map((v) => v.id)).size).toBe(views.length);
  });
});
