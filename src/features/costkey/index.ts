import type { ViewDef } from '../registry';
import { CostKeyView } from './CostKeyView';

export const view: ViewDef = { id: 'costkey', title: { nb: 'Kostnadsnøkkel', en: 'Cost key' }, order: 60, component: CostKeyView };
