/** Presentation mode is opened from the share view (not a navigation entry of its own). */
export { Presentation } from './Presentation';
export { navigate, slidesFor, defaultSlides, type Slide } from './slides';
