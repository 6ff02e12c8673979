import type { ViewDef } from '../registry';
import { StabilityView } from './StabilityView';

export const view: ViewDef = {
  id: 'stability',
  title: { nb: 'Stabilitet over år', en: 'Stability across years' },
  order: 50,
  component: StabilityView,
};
