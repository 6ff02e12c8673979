/**
 * The jobs a pool worker can run, by name (functions cannot be sent to a worker; names can). A new
 * parallel job — e.g. a bootstrap of cost-key weights — is a PoolJob in its own module plus one line here.
 */
import type { PoolJob } from '../engine/parallel/job';
import { subsetsJob } from '../engine/importance/search';
import { bootstrapJob } from '../engine/stability/bootstrap';
import { keyBootstrapPoolJob } from '../engine/costkey/keyBootstrap';
import { sampledLmgJob } from '../engine/importance/sampledLmg';
import { leaveOneYearOutJob } from '../engine/stability/leaveOneYearOut';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const jobs: PoolJob<any, any, any>[] = [subsetsJob, bootstrapJob, keyBootstrapPoolJob, sampledLmgJob, leaveOneYearOutJob];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function jobByName(name: string): PoolJob<any, any, any> {
  const job = jobs.find((j) => j.name === name);
  if (!job) throw new Error(`unknown pool job «${name}»`);
  return job;
}
