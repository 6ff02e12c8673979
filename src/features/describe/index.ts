import type { ViewDef } from '../registry';
import { DescribeView } from './DescribeView';

export const view: ViewDef = {
  id: 'describe',
  title: { nb: 'Beskrivende statistikk', en: 'Descriptives' },
  order: 25,
  component: DescribeView,
};
