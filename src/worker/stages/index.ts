/** Stage order. Owners append their stage here. */
import type { Stage } from './types';

export const stages: Stage[] = [];
