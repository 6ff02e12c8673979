/**
 * A table slide renders its view out of sight and asks the view's table export (features/ExportButtons)
 * to draw its report table into the slide: this context says which table, where, and takes its title.
 */
import { createContext } from 'react';

export interface SlideFocus {
  key: string;
  target: HTMLElement;
  onTitle(title: string): void;
}

export const SlideFocusContext = createContext<SlideFocus | null>(null);

/** The id of the view being rendered (the shell's active view, or the view a slide shows). */
export const ViewIdContext = createContext<string | null>(null);
