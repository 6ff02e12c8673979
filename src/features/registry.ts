/**
 * The dashboard's views, in navigation order. Each feature folder exports a `view` from its
 * index.ts; owners add one line here (import + entry). `order` follows the flow:
 *   10 data · 20 variables · 30 models · 40 explained variance · 50 stability · 60 cost key ·
 *   70 redistribution · 80 my municipality · 90 share/export
 */
import type { ComponentType } from 'react';
import { view as models } from './models';
import { view as explained } from './explained';
import { view as stability } from './stability';
import { view as share } from './share';

export interface ViewDef {
  id: string;
  title: { nb: string; en: string };
  /** Position in the navigation (the flow: data → variables → models → … → export). */
  order: number;
  component: ComponentType;
}

export const views: ViewDef[] = [share, models, explained, stability];
import { view as variablesView } from './variables';
import { view as describeView } from './describe';
views.push(variablesView, describeView);
import { view as costKeyView } from './costkey';
import { view as redistributionView } from './redistribution';
import { view as myMunicipalityView } from './my-municipality';
import { view as districtView } from './district';
views.push(costKeyView, redistributionView, myMunicipalityView, districtView);
import { view as dataView } from './upload';
views.push(dataView);
