/** A pool worker in Node (worker_threads): serves blocks of the registered jobs. */
import { parentPort } from 'node:worker_threads';
import { serve } from '../../src/pool/serve';
import type { ToWorker } from '../../src/pool/pool';

if (!parentPort) throw new Error('nodeWorker runs as a worker thread');
const port = parentPort;
serve(
  (cb) => port.on('message', (m: ToWorker) => cb(m)),
  (msg) => port.postMessage(msg),
);
