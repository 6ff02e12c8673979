import type { ViewDef } from '../registry';
import { RedistributionView } from './RedistributionView';

export const view: ViewDef = { id: 'redistribution', title: { nb: 'Omfordeling', en: 'Redistribution' }, order: 70, component: RedistributionView };
