/** Where a part of a view is mounted a frame later (see useDeferredMount). Shared by the builder
 *  views of variables and models. */
import type { ReactNode } from 'react';

/**
 * Until it is ready it keeps about the part's height, so the page does not jump when it arrives.
 * The wrapper is always there because inserting a sibling straight into a view trips
 * Designsystemet's `* + *` rules, and Chromium then restyles every element already in the view;
 * inserted inside the wrapper, only the new part is styled.
 */
export function DeferredSlot({ ready, rem, children }: { ready: boolean; rem: number; children: ReactNode }) {
  return <div style={ready ? undefined : { minHeight: `${rem}rem` }}>{ready && children}</div>;
}
