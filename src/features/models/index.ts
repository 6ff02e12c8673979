import type { ViewDef } from '../registry';
import { ModelsView } from './ModelsView';

export const view: ViewDef = {
  id: 'models',
  title: { nb: 'Modeller', en: 'Models' },
  order: 30,
  component: ModelsView,
};
