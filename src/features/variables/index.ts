import type { ViewDef } from '../registry';
import { VariablesView } from './VariablesView';

export const view: ViewDef = {
  id: 'variables',
  title: { nb: 'Variabler', en: 'Variables' },
  order: 20,
  component: VariablesView,
};
