import { afterEach, describe, expect, it, vi } from 'vitest';
import { answerTask, restTask } from './answerTask';

afterEach(() => vi.unstubAllGlobals());

describe('answerTask', () => {
  it('asks the browser for a user-blocking task where it can', async () => {
    const postTask = vi.fn((cb: () => void, _options: { priority: string }) => Promise.resolve().then(cb));
    vi.stubGlobal('scheduler', { postTask });
    await answerTask();
    expect(postTask).toHaveBeenCalledTimes(1);
    expect(postTask.mock.calls[0][1]).toEqual({ priority: 'user-blocking' });
  });

  it('is a later task of the event loop without a scheduler (not a microtask of this one)', async () => {
    vi.stubGlobal('scheduler', undefined);
    let done = false;
    const task = answerTask().then(() => (done = true));
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(done).toBe(false);
    await task;
    expect(done).toBe(true);
  });

  it('asks for a background task for the rest of a first load', async () => {
    const postTask = vi.fn((cb: () => void, _options: { priority: string }) => Promise.resolve().then(cb));
    vi.stubGlobal('scheduler', { postTask });
    await restTask();
    expect(postTask.mock.calls[0][1]).toEqual({ priority: 'background' });
  });
});
