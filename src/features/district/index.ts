import type { ViewDef } from '../registry';
import { DistrictView } from './DistrictView';

export const view: ViewDef = { id: 'district', title: { nb: 'Bydeler', en: 'Districts' }, order: 85, component: DistrictView };
