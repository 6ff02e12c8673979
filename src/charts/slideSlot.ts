/**
 * Where a chart offers «Legg til som lysbilde». Charts may not read the store (layer rule), so the
 * app shell provides the button through this context (features/present/AddSlideButton) and a chart
 * only names itself: its slide key, stable across languages, and its current title.
 */
import { createContext, type ComponentType } from 'react';

export interface SlideSlotProps {
  kind: 'chart' | 'table';
  slideKey: string;
  title: string;
}

export const SlideSlotContext = createContext<ComponentType<SlideSlotProps> | null>(null);

/** Attributes a chart's figure carries so a slide can find it among its view's content. */
export const SLIDE_KEY_ATTR = 'data-slide-key';
export const SLIDE_TITLE_ATTR = 'data-slide-title';
