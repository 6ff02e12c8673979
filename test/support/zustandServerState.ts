/**
 * For tests that render views server-side (renderToStaticMarkup): server rendering reads a store's
 * initial state (useSyncExternalStore's server snapshot), so a view would render the store as created,
 * not the state the test set. Use as
 * `vi.mock('zustand', async (o) => (await import('…/zustandServerState')).zustandWithSetState(o))`
 * (vi.mock is hoisted above the imports): stores made with `create` then render their current state.
 */
import type { StateCreator } from 'zustand/vanilla';

export async function zustandWithSetState(importOriginal: () => Promise<unknown>) {
  const actual = (await importOriginal()) as typeof import('zustand');
  const { createStore } = await import('zustand/vanilla');
  return {
    ...actual,
    create: (init: StateCreator<unknown>) => {
      const api = createStore(init);
      api.getInitialState = api.getState;
      return Object.assign((selector?: (s: unknown) => unknown) => actual.useStore(api, selector as never), api);
    },
  };
}
