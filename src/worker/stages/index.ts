/** Stage order. Owners add their stage here (one line each, after the stages whose results it reads). */
import type { AnyStage } from './types';
import { modelsStage } from './models';
import { costKeyStage } from './costkey';
import { districtStage } from './district';
import { totalKeyStage } from './totalKey';
import { explainedStage } from './explained';
import { stabilityStage } from './stability';
import { describeStage } from './describe';
import { keyUncertaintyStage } from './keyUncertainty';
import { scenariosStage } from './scenarios';

export const stages: AnyStage[] = [
  modelsStage,
  costKeyStage,
  districtStage,
  totalKeyStage,
  explainedStage,
  stabilityStage,
  describeStage,
  keyUncertaintyStage,
  scenariosStage,
];
