/** The sector recipes of «Hent fra SSB». */
import { barnevern } from './barnevern';
import { sosialhjelp } from './sosialhjelp';
import type { Recipe } from './types';

export const recipes: Recipe[] = [barnevern, sosialhjelp];
export type { Recipe };
