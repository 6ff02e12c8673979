/**
 * Resolves in a new task of the event loop, so messages already queued (a cancel, say) are handled
 * first. A posted message rather than `setTimeout(0)`: a timer costs at least 1 ms in Node, and
 * browsers clamp nested timers to 4 ms, which long loops that yield often (CSV ingest yields about
 * a hundred times per 150 MB) paid as idle time. A fresh channel per call is closed when it fires,
 * so it never keeps a Node process alive.
 */
export function nextTask(): Promise<void> {
  if (typeof MessageChannel !== 'function') return new Promise<void>((resolve) => setTimeout(resolve, 0));
  return new Promise<void>((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}
