/** Stage order. Owners append their stage here (one line each, after the stages they read). */
import type { Stage } from './types';
import { modelsStage } from './models';

export const stages: Stage[] = [modelsStage as Stage];
import { costKeyStage } from './costkey';
stages.push(costKeyStage as Stage);
import { totalKeyStage } from './totalKey';
stages.push(totalKeyStage as Stage);
import { explainedStage } from './explained';
import { stabilityStage } from './stability';
stages.push(explainedStage as Stage, stabilityStage as Stage);
import { describeStage } from './describe';
stages.push(describeStage as Stage);
