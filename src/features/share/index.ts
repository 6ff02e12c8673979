import type { ViewDef } from '../registry';
import { ShareView } from './ShareView';

/** Last in the navigation: results leave the app here. */
export const view: ViewDef = {
  id: 'share',
  title: { nb: 'Del og eksporter', en: 'Share and export' },
  order: 90,
  component: ShareView,
};
export { RestorePrompt } from './RestorePrompt';
