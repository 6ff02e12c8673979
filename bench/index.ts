/** Registry of bench modules (`{ name, run(): Promise<Record<string, number>> }`): one line each. */
import type { BenchModule } from './types';
import { fitBench } from './fit.bench';
import { importanceBench } from './importance.bench';

export const benches: BenchModule[] = [
  fitBench,
  importanceBench,
];
import { redistributionBench } from './redistribution.bench';
benches.push(redistributionBench);
benches.push((await import('./ingest.bench')).ingestBench);
benches.push((await import('./pipeline.bench')).pipelineBench);
benches.push((await import('./mainthread.bench')).mainThreadBench);
