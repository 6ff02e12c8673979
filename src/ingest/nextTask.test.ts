import { describe, expect, it } from 'vitest';
import { nextTask } from './nextTask';

describe('nextTask', () => {
  it('resolves in a later task, after a message already queued (a cancel arriving meanwhile is seen)', async () => {
    let cancelled = false;
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      cancelled = true;
      ch.port1.close();
    };
    ch.port2.postMessage('cancel');
    expect(cancelled).toBe(false);
    await nextTask();
    expect(cancelled).toBe(true);
  });
});
