/**
 * The dashboard's views, in navigation order. Each feature folder exports a `view` from its
 * index.ts; owners add one line here.
 */
import type { ComponentType } from 'react';

export interface ViewDef {
  id: string;
  title: { nb: string; en: string };
  /** Position in the navigation (the flow: data → variables → models → … → export). */
  order: number;
  component: ComponentType;
}

export const views: ViewDef[] = [];
