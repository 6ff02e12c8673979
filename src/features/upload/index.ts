import type { ViewDef } from '../registry';
import { UploadView } from './UploadView';

/** First in the navigation: everything starts with the data. */
export const view: ViewDef = {
  id: 'data',
  title: { nb: 'Data', en: 'Data' },
  order: 10,
  component: UploadView,
};
