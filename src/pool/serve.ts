/**
 * The worker side of the pool: holds the current job's input and answers block requests with the
 * job's pure `runBlock`. `listen` is wired to worker_threads (nodeWorker.ts) or a Web Worker
 * (pool.worker.ts).
 */
import type { FromWorker, ToWorker } from './pool';
import { jobByName } from './registry';

export function serve(listen: (cb: (msg: ToWorker) => void) => void, reply: (msg: FromWorker) => void): void {
  let jobId = 0;
  let name = '';
  let input: unknown = null;
  listen((msg) => {
    if (msg.kind === 'input') {
      jobId = msg.jobId;
      name = msg.name;
      input = msg.input;
      return;
    }
    if (msg.jobId !== jobId) return;
    try {
      const job = jobByName(name);
      reply({ kind: 'part', jobId, block: msg.block, part: job.runBlock(input, msg.block) });
    } catch (e) {
      reply({ kind: 'error', jobId, block: msg.block, message: e instanceof Error ? e.message : String(e) });
    }
  });
}
