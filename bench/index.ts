/** Registry of bench modules (`{ name, run(): Promise<Record<string, number>> }`): one line each.
 *  Engine figures run in Node; redistribution, mainthread and bigupload drive the built app in Chromium. */
import type { BenchModule } from './types';
import { fitBench } from './fit.bench';
import { estimatorsBench } from './estimators.bench';
import { importanceBench } from './importance.bench';
import { keyBootstrapBench } from './keyBootstrap.bench';
import { ingestBench } from './ingest.bench';
import { pipelineBench } from './pipeline.bench';
import { redistributionBench } from './redistribution.bench';
import { mainThreadBench } from './mainthread.bench';
import { bigUploadBench } from './bigupload.bench';

export const benches: BenchModule[] = [
  fitBench,
  estimatorsBench,
  importanceBench,
  keyBootstrapBench,
  ingestBench,
  pipelineBench,
  redistributionBench,
  mainThreadBench,
  bigUploadBench,
];
