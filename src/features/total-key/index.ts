import type { ViewDef } from '../registry';
import { TotalKeyView } from './TotalKeyView';

export const view: ViewDef = { id: 'total-key', title: { nb: 'Samlet nøkkel', en: 'Total key' }, order: 65, component: TotalKeyView };
