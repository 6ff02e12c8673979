/**
 * Issue 19 item 1, the slow or hung worker: a block that runs far longer than the job's finished
 * blocks gets a backup copy on another worker; the first answer wins with exactly the bits of a
 * normal run, the other copy is stopped, and a block whose backup hangs or fails too stops the job
 * as a block that failed twice. The workers are fakes in this process that run the real serve()
 * and can hang (never answer), crash or answer late; time is vitest's fake clock, which the pool
 * reads through its injected `now`, so every "when" below is driven, not waited for.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { syntheticPanel } from '../../bench/importance.bench';
import { buildCommonSample, isProblem } from '../../src/engine/importance/sample';
import { partialOut } from '../../src/engine/importance/partialOut';
import { subsetJobInput, subsetsJob } from '../../src/engine/importance/search';
import { bootstrapJob, bootstrapJobInput, type BootstrapJobInput } from '../../src/engine/stability/bootstrap';
import { runInline } from '../../src/engine/parallel/job';
import { BlockFailedError, WorkerPool, type PoolOptions, type PoolPort } from '../../src/pool/pool';
import { runJob, setPoolProvider } from '../../src/pool/runner';
import { fakeWorker } from './fakeWorker';
import { BlockTimes, DEFAULT_STRAGGLER } from '../../src/pool/straggler';

/** What a fake worker does with a block request: answer at once, after `delay` ms, never, or crash. */
type Act = 'answer' | 'hang' | 'crash' | { delay: number };

interface Fakes {
  spawn: () => PoolPort;
  /** Workers made, and which of them were terminated. */
  made: number;
  terminated: Set<number>;
  /** Every block request a worker received: which worker, which block, when (fake clock). */
  sent: { worker: number; block: number; at: number }[];
  /** Crashes worker `id` now (whatever it is doing). */
  kill(id: number): void;
}

/** `act(block, attempt)`: attempt 0 is the first time the block is sent to any worker, 1 the next… */
function fakes(act: (block: number, attempt: number) => Act = () => 'answer'): Fakes {
  const kills = new Map<number, () => void>();
  const f: Fakes = { spawn: () => null as never, made: 0, terminated: new Set(), sent: [], kill: (id) => kills.get(id)?.() };
  f.spawn = () => {
    const id = f.made++;
    const w = fakeWorker(
      (m, w) => {
        if (m.kind !== 'block') return w.handle(m);
        const attempt = f.sent.filter((s) => s.block === m.block).length;
        f.sent.push({ worker: id, block: m.block, at: Date.now() });
        const a = act(m.block, attempt);
        if (a === 'hang') return;
        if (a === 'crash') return w.crash(new Error(`worker crashed on block ${m.block}`));
        if (a === 'answer') w.handle(m);
        else setTimeout(() => w.handle(m), a.delay);
      },
      () => f.terminated.add(id),
    );
    kills.set(id, () => w.crash(new Error(`worker ${id} crashed`)));
    return w.port;
  };
  return f;
}

const opts: PoolOptions = { now: () => Date.now() };
const sentOf = (f: Fakes, block: number) => f.sent.filter((s) => s.block === block);

function bootInput(B: number, seed: number): BootstrapJobInput {
  const { table, criteria } = syntheticPanel(4);
  const s = buildCommonSample(table, { dependent: 'y', criteria });
  if (isProblem(s)) throw new Error(s.messageEn);
  return bootstrapJobInput(s, { B, seed }) as BootstrapJobInput;
}

const boot = bootInput(640, 3); // 10 blocks of 64 replications
const reference = runInline(bootstrapJob, boot);

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  setPoolProvider(null);
});

describe('block times', () => {
  it('the median of finished blocks sets the limit, with a floor; before any, the long first wait', () => {
    const t = new BlockTimes();
    expect(t.median()).toBeNull();
    expect(t.hungAfter(DEFAULT_STRAGGLER)).toBe(DEFAULT_STRAGGLER.firstMs);
    for (const ms of [900, 100, 500]) t.add(ms);
    expect(t.median()).toBe(500);
    expect(t.hungAfter({ factor: 8, floorMs: 3000, firstMs: 30000 })).toBe(4000);
    t.add(300);
    expect(t.median()).toBe(400);
    expect(t.hungAfter({ factor: 8, floorMs: 5000, firstMs: 30000 })).toBe(5000);
  });
});

describe('a worker that hangs on a block', () => {
  it.each([1, 2, 3])('%i worker(s): a backup copy answers, with exactly the normal result; the hung worker is stopped', async (size) => {
    const f = fakes((b, attempt) => (b === 4 && attempt === 0 ? 'hang' : 'answer'));
    const pool = new WorkerPool(f.spawn, size, opts);
    const run = pool.run(bootstrapJob, boot);
    await vi.runAllTimersAsync();
    const got = await run;
    expect(got).toEqual(reference);
    const tries = sentOf(f, 4);
    expect(tries).toHaveLength(2);
    expect(tries[1].worker).not.toBe(tries[0].worker);
    // The hung worker lost the race: terminated; the pool is back to its size.
    expect(f.terminated.has(tries[0].worker)).toBe(true);
    expect(pool.workers).toBe(size);
    // The pool still works for the next job.
    const next = pool.run(bootstrapJob, boot);
    await vi.runAllTimersAsync();
    expect(await next).toEqual(reference);
    pool.close();
  });

  it('best subsets: a hung Gray-code block is re-run by its backup to the same ranking', async () => {
    const { table, criteria } = syntheticPanel(18);
    const s = buildCommonSample(table, { dependent: 'y', criteria });
    if (isProblem(s)) throw new Error(s.messageEn);
    const red = partialOut(s);
    if (isProblem(red)) throw new Error(red.messageEn);
    const input = subsetJobInput(red, { top: 5 }); // 4 blocks
    const f = fakes((b, attempt) => (b === 3 && attempt === 0 ? 'hang' : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const run = pool.run(subsetsJob, input);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(runInline(subsetsJob, input));
    expect(sentOf(f, 3)).toHaveLength(2);
    pool.close();
  });

  it('the backup starts once the block has run factor × the median finished block, not before', async () => {
    // Every block takes 1 s; block 6 hangs, so the limit is 8 × 1 s.
    const f = fakes((b, attempt) => (b === 6 && attempt === 0 ? 'hang' : { delay: 1000 }));
    const pool = new WorkerPool(f.spawn, 2, { ...opts, straggler: { factor: 8, floorMs: 3000 } });
    const run = pool.run(bootstrapJob, boot);
    await vi.advanceTimersByTimeAsync(100);
    while (sentOf(f, 6).length === 0) await vi.advanceTimersByTimeAsync(100);
    const started = sentOf(f, 6)[0].at;
    // (A fake worker's message hops take a fake millisecond each, so a block takes just over 1 s.)
    await vi.advanceTimersByTimeAsync(started + 7_900 - Date.now());
    expect(sentOf(f, 6)).toHaveLength(1);
    expect(f.made).toBe(2);
    await vi.advanceTimersByTimeAsync(200);
    expect(sentOf(f, 6)).toHaveLength(2);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    pool.close();
  });

  it('before any block has finished, a hung first block waits the long first limit', async () => {
    const f = fakes((b, attempt) => (b === 0 && attempt === 0 ? 'hang' : 'answer'));
    const pool = new WorkerPool(f.spawn, 1, { ...opts, straggler: { floorMs: 3000, firstMs: 30_000 } });
    const run = pool.run(bootstrapJob, boot);
    await vi.advanceTimersByTimeAsync(29_900);
    expect(sentOf(f, 0)).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(sentOf(f, 0)).toHaveLength(2);
    // With one worker (hung) the backup runs on one more; the rest of the job follows there.
    expect(f.made).toBe(2);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    expect(pool.workers).toBe(1);
    pool.close();
  });

  it('a slow block that answers before its backup wins; the backup is stopped, no error', async () => {
    // Block 4 answers after 5 s (the backup starts at the 3 s floor and would hang).
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? { delay: 5000 } : 'hang') : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const run = pool.run(bootstrapJob, boot);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    const tries = sentOf(f, 4);
    expect(tries).toHaveLength(2);
    expect(f.terminated.has(tries[1].worker)).toBe(true);
    expect(f.terminated.has(tries[0].worker)).toBe(false);
    expect(pool.workers).toBe(2);
    pool.close();
  });
});

describe('the job\'s progress while a backup runs', () => {
  /** Every progress report: fraction, backups (JobState), and when (fake clock). */
  function recorder() {
    const reports: { fraction: number; backups: number | undefined; at: number }[] = [];
    return { reports, hooks: { progress: (fraction: number, state?: { backups: number }) => void reports.push({ fraction, backups: state?.backups, at: Date.now() }) } };
  }

  it('says a backup runs from the moment it starts (the fraction standing still), and no longer once it answered', async () => {
    // Block 4 hangs; its backup takes 2 s, so the job is seen waiting on it.
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? 'hang' : { delay: 2000 }) : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const { reports, hooks } = recorder();
    const run = pool.run(bootstrapJob, boot, hooks);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    const backupAt = sentOf(f, 4)[1].at;
    const during = reports.filter((r) => r.backups === 1);
    expect(during.length).toBeGreaterThan(0);
    // The first report of the backup comes when it is sent (the worker gets it a message hop later),
    // once the hung try has run the 3 s floor, before any block answers again: its fraction is the
    // one before it (9 of 10 blocks done: every block but the hung one).
    const first = reports.indexOf(during[0]);
    expect(during[0].at).toBeGreaterThanOrEqual(sentOf(f, 4)[0].at + DEFAULT_STRAGGLER.floorMs);
    expect(during[0].at).toBeLessThanOrEqual(backupAt);
    expect(during[0].fraction).toBe(reports[first - 1].fraction);
    expect(during[0].fraction).toBe(0.9);
    // Then block 4 answers: the job is done, and no backup is running.
    const last = reports[reports.length - 1];
    expect(last).toMatchObject({ fraction: 1, backups: 0 });
    expect(reports.slice(0, first).every((r) => r.backups === 0)).toBe(true);
    pool.close();
  });

  it('the hung try that answers first also ends the backup report', async () => {
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? { delay: 5000 } : 'hang') : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const { reports, hooks } = recorder();
    const run = pool.run(bootstrapJob, boot, hooks);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    expect(reports.some((r) => r.backups === 1)).toBe(true);
    expect(reports[reports.length - 1]).toMatchObject({ fraction: 1, backups: 0 });
    pool.close();
  });

  it('through runJob, as the stages get it: the hooks see the backup', async () => {
    setPoolProvider(() => new WorkerPool(fakes((b, attempt) => (b === 4 ? (attempt === 0 ? 'hang' : { delay: 2000 }) : 'answer')).spawn, 2, opts));
    const { reports, hooks } = recorder();
    const got = runJob(bootstrapJob, boot, hooks);
    await vi.runAllTimersAsync();
    expect(await got).toEqual(reference);
    expect(reports.map((r) => r.backups)).toContain(1);
    expect(reports[reports.length - 1].backups).toBe(0);
  });
});

describe('a block that hangs or fails twice', () => {
  it('a backup that hangs too: the job fails with the block, naming the wait; every worker of it is stopped', async () => {
    const f = fakes((b) => (b === 4 ? 'hang' : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const run = pool.run(bootstrapJob, boot);
    const caught = run.catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await caught;
    expect(err).toBeInstanceOf(BlockFailedError);
    expect((err as BlockFailedError).block).toBe(4);
    expect((err as BlockFailedError).hungMs).toBeGreaterThan(DEFAULT_STRAGGLER.floorMs);
    for (const t of sentOf(f, 4)) expect(f.terminated.has(t.worker)).toBe(true);
    expect(pool.workers).toBe(2);
    pool.close();
  });

  it('through runJob: the error the view shows, in plain words', async () => {
    setPoolProvider(() => new WorkerPool(fakes((b) => (b === 4 ? 'hang' : 'answer')).spawn, 2, opts));
    const got = runJob(bootstrapJob, boot);
    await vi.runAllTimersAsync();
    const p = await got;
    if (!isProblem(p)) throw new Error('expected a failure');
    expect(p.code).toBe('pool-block-failed');
    expect(p.message).toMatch(/^Klyngebootstrapen stoppet: del 5 av 10 feilet to ganger i en hjelpetråd\. .*\(Feilen: ingen svar etter 3\u00a0s\)$/);
    expect(p.messageEn).toMatch(/^The cluster bootstrap stopped: part 5 of 10 failed twice in a helper thread\. .*\(The error: no answer after 3\u00a0s\)$/);
  });

  it('hung, then its backup crashes: failed twice', async () => {
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? 'hang' : 'crash') : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const caught = pool.run(bootstrapJob, boot).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await caught;
    expect(err).toBeInstanceOf(BlockFailedError);
    expect((err as BlockFailedError).hungMs).toBeUndefined();
    expect((err as Error).message).toBe('worker crashed on block 4');
    pool.close();
  });

  it('crashed, then its re-run hangs: failed twice', async () => {
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? 'crash' : 'hang') : 'answer'));
    const pool = new WorkerPool(f.spawn, 2, opts);
    const caught = pool.run(bootstrapJob, boot).catch((e: unknown) => e);
    await vi.runAllTimersAsync();
    const err = await caught;
    expect(err).toBeInstanceOf(BlockFailedError);
    expect((err as BlockFailedError).hungMs).toBeGreaterThan(0);
    expect(sentOf(f, 4)).toHaveLength(2);
    pool.close();
  });

  it('hung, then the hung worker crashes while its backup runs: the backup still answers (one failure)', async () => {
    const f = fakes((b, attempt) => (b === 4 ? (attempt === 0 ? 'hang' : { delay: 2000 }) : 'answer'));
    const pool = new WorkerPool(f.spawn, 1, opts);
    const run = pool.run(bootstrapJob, boot);
    while (sentOf(f, 4).length < 2) await vi.advanceTimersByTimeAsync(100);
    f.kill(sentOf(f, 4)[0].worker);
    await vi.runAllTimersAsync();
    expect(await run).toEqual(reference);
    expect(sentOf(f, 4)).toHaveLength(2);
    expect(pool.workers).toBe(1);
    pool.close();
  });
});

describe('cancel while a backup runs', () => {
  it('stops every worker of the job, backup and hung one alike; the pool is back to its size', async () => {
    const f = fakes((b) => (b === 4 ? 'hang' : b > 4 ? { delay: 60_000 } : 'answer'));
    let cancel = false;
    const pool = new WorkerPool(f.spawn, 1, opts);
    const run = pool.run(bootstrapJob, boot, { cancelled: () => cancel });
    while (sentOf(f, 4).length < 2) await vi.advanceTimersByTimeAsync(100);
    cancel = true;
    await vi.advanceTimersByTimeAsync(40);
    const got = await run;
    expect(got.cancelled).toBe(true);
    expect(got.valid + got.failed).toBe(4 * 64);
    for (const t of sentOf(f, 4)) expect(f.terminated.has(t.worker)).toBe(true);
    expect(pool.workers).toBe(1);
    pool.close();
  });
});
