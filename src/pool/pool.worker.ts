/** A pool worker in the browser (a Web Worker started by the analysis worker): serves job blocks. */
import { serve } from './serve';
import type { FromWorker, ToWorker } from './pool';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };
serve(
  (cb) => (scope.onmessage = (e) => cb(e.data)),
  (msg) => scope.postMessage(msg),
);
