import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawingSettled, holdDrawing } from './drawHold';

afterEach(() => vi.useRealTimers());

const flushed = async (p: Promise<void>) => {
  let done = false;
  void p.then(() => (done = true));
  for (let i = 0; i < 3; i++) await new Promise((ok) => setTimeout(ok, 0));
  return done;
};

describe('drawHold', () => {
  it('settles at once when nothing holds the drawing', async () => {
    expect(await flushed(drawingSettled(10_000))).toBe(true);
  });

  it('waits for every hold to be released', async () => {
    const a = holdDrawing();
    const b = holdDrawing();
    const settled = drawingSettled(10_000);
    a();
    a(); // a second release of the same hold changes nothing
    expect(await flushed(settled)).toBe(false);
    b();
    expect(await flushed(settled)).toBe(true);
  });

  it('does not let waiters through when one part is released and the next held in the same task', async () => {
    const loading = holdDrawing();
    const settled = drawingSettled(10_000);
    loading();
    const part = holdDrawing();
    expect(await flushed(settled)).toBe(false);
    part();
    expect(await flushed(settled)).toBe(true);
  });

  it('lets the waiter go after maxMs when a hold is never released', async () => {
    vi.useFakeTimers();
    const never = holdDrawing();
    let done = false;
    void drawingSettled(3000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(2999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    never();
  });
});
