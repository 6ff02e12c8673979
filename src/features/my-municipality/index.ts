import type { ViewDef } from '../registry';
import { MyMunicipalityView } from './MyMunicipalityView';

export const view: ViewDef = { id: 'my-municipality', title: { nb: 'Min kommune', en: 'My municipality' }, order: 80, component: MyMunicipalityView };
