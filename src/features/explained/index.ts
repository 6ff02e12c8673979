import type { ViewDef } from '../registry';
import { ExplainedView } from './ExplainedView';

export const view: ViewDef = {
  id: 'explained',
  title: { nb: 'Forklart variasjon', en: 'Explained variance' },
  order: 40,
  component: ExplainedView,
};
