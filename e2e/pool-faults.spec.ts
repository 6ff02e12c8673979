/**
 * Issue 19 item 1 as a user sees it: a pooled job's progress and «Avbryt», the re-run of a block
 * whose worker crashed (the result is the normal run's), the backup copy of a block whose worker
 * hangs without an error (the result is the normal run's), and the error shown when a block fails
 * or hangs twice (next to the job, with «Prøv igjen»; the rest of the app keeps working and the next run
 * works). The demo's pooled jobs take well under a second, so the test makes them slow or crash
 * from outside the product: the pool's Web Workers are nested workers of the analysis worker, whose
 * network Playwright does not see (page.route never gets the pool worker's script), so the test
 * replaces the analysis worker's `Worker` constructor (through Playwright's handle on that worker)
 * with a subclass whose postMessage holds block requests back («slow»), swallows one block's request
 * (that worker never answers: «hung»), or sends the worker a message its script throws on (an
 * uncaught error in the real pool worker: a crash). The pool is made on the
 * first job with more than one block, after this is in place; nothing of it is in the product.
 */
import type { Locator, Page, Worker } from '@playwright/test';
import path from 'node:path';
import { test, expect, loadDemo, waitForResults, openView, shot, expectNoSeriousAxeViolations, switchLanguage, ARTIFACTS } from './support/fixtures';

/** A full-page screenshot and one of the job's own section (e2e-artifacts/<name>.png, <name>-section.png). */
async function shots(page: Page, section: Locator, name: string): Promise<void> {
  await shot(page, name);
  await section.screenshot({ path: path.join(ARTIFACTS, `${name}-section.png`) });
}

/** What the test controls in the analysis worker (see installFaults). */
interface Faults {
  /** Pool workers made since the faults were installed. */
  made: number;
  /** Block requests passed on to a pool worker. */
  passed: number;
  /** After this many passed blocks, block requests are held back (never sent): the job waits. */
  holdAfter: number;
  /** This block's request crashes its worker instead, `crashes` times. */
  crashBlock: number;
  crashes: number;
  /** Crashes caused so far. */
  crashed: number;
  /** This block's request is swallowed, `hangs` times: its worker never answers nor fails (hung). */
  hangBlock: number;
  hangs: number;
  /** Block requests swallowed so far. */
  hung: number;
  /** This block's request (after any swallowed above) is held back, `holds` times, until `release`:
   *  its worker waits, so a backup copy is seen running. From then the clock stands still (below), so
   *  the held copy does not count as hung too while the test looks at the job. */
  holdBlock: number;
  holds: number;
  /** Requests held back so far. */
  held: number;
  /** The analysis worker's performance.now() stands still: the pool's clock, by which it tells a
   *  hung block (src/pool/straggler.ts), does not move, so held-back blocks stay «slow» rather than
   *  hung (a real slow job's blocks are all slow, so none stands out from the median). */
  clockFrozen: boolean;
}

async function analysisWorker(page: Page): Promise<Worker> {
  await expect.poll(() => page.workers().some((w) => /analysis\.worker-[\w-]+\.js$/.test(w.url())), { timeout: 60_000 }).toBe(true);
  return page.workers().find((w) => /analysis\.worker-[\w-]+\.js$/.test(w.url()))!;
}

/** Replaces the analysis worker's Worker constructor; must run before the page's first pooled job. */
async function installFaults(worker: Worker): Promise<void> {
  await worker.evaluate(() => {
    const g = self as unknown as { Worker: typeof Worker; __faults: Faults };
    const faults: Faults = { made: 0, passed: 0, holdAfter: Infinity, crashBlock: -1, crashes: 0, crashed: 0, hangBlock: -1, hangs: 0, hung: 0, holdBlock: -1, holds: 0, held: 0, clockFrozen: false };
    const heldBack: (() => void)[] = [];
    (self as unknown as { __release: () => void }).__release = () => heldBack.splice(0).forEach((send) => send());
    const realNow = performance.now.bind(performance);
    let frozenAt = 0;
    Object.defineProperty(performance, 'now', {
      configurable: true,
      value: () => (faults.clockFrozen ? frozenAt : (frozenAt = realNow())),
    });
    g.__faults = faults;
    const Real = g.Worker;
    g.Worker = class extends Real {
      constructor(url: string | URL, options?: WorkerOptions) {
        super(url, options);
        faults.made++;
      }
      postMessage(message: unknown, transfer?: Transferable[] | StructuredSerializeOptions): void {
        const m = message as { kind?: string; block?: number } | null;
        if (m?.kind === 'block') {
          if (m.block === faults.crashBlock && faults.crashes > 0) {
            faults.crashes--;
            faults.crashed++;
            // The pool worker reads `null.kind` and throws: an uncaught error in that thread.
            super.postMessage(null);
            return;
          }
          if (m.block === faults.hangBlock && faults.hangs > 0) {
            faults.hangs--;
            faults.hung++;
            return;
          }
          if (m.block === faults.holdBlock && faults.holds > 0) {
            faults.holds--;
            faults.held++;
            faults.clockFrozen = true;
            heldBack.push(() => super.postMessage(message, transfer as Transferable[]));
            return;
          }
          if (faults.passed >= faults.holdAfter) return;
          faults.passed++;
        }
        super.postMessage(message, transfer as Transferable[]);
      }
    };
  });
}

async function setFaults(worker: Worker, patch: Partial<Faults>): Promise<void> {
  await worker.evaluate((p) => Object.assign((self as unknown as { __faults: Faults }).__faults, p), patch);
}

/** Sends the block requests held back (holdBlock) on to their workers. */
async function release(worker: Worker): Promise<void> {
  await worker.evaluate(() => (self as unknown as { __release: () => void }).__release());
}

async function faults(worker: Worker): Promise<Faults> {
  return worker.evaluate(() => ({ ...(self as unknown as { __faults: Faults }).__faults }));
}

test('stability: the cluster bootstrap on the pool shows progress and cancel, survives a crash and a hung worker, and says when a block fails twice', async ({ page }) => {
  test.setTimeout(480_000);
  await loadDemo(page, 'stability');
  const worker = await analysisWorker(page);
  await installFaults(worker);
  const section = page.locator('section[aria-labelledby="kl-boot"]');
  const boot = section.getByRole('checkbox', { name: 'Kjør bootstrap' });
  const table = page.getByTestId('bootstrap-table');
  const progress = page.getByTestId('bootstrap-progress');
  const failure = page.getByTestId('bootstrap-failure');
  const cancelled = page.getByTestId('bootstrap-cancelled');

  // 999 replications in blocks of 64: 16 blocks, so the job goes to the pool.
  await boot.check();
  await waitForResults(page);
  await expect(table).toBeVisible();
  expect((await faults(worker)).made, 'pool workers started').toBeGreaterThan(0);
  const reference = await table.innerText();

  await test.step('a slow job: its progress, and «Avbryt»', async () => {
    await boot.uncheck();
    await waitForResults(page);
    // Two blocks go through, the rest wait: the job stays at 2 of 16 blocks until it is cancelled.
    await setFaults(worker, { passed: 0, holdAfter: 2, clockFrozen: true });
    await boot.check();
    const bar = progress.getByRole('progressbar', { name: 'Klyngebootstrap' });
    await expect(bar).toHaveAttribute('value', '0.125');
    await expect(bar).toHaveAttribute('aria-valuetext', '13\u00a0% ferdig');
    await expect(progress).toContainText('13 %');
    await expect(page.getByTestId('worker-status')).toHaveAttribute('data-status', 'running');
    await expectNoSeriousAxeViolations(page, { label: 'bootstrap progress' });
    await shots(page, section, 'pool-bootstrap-progress');
    await progress.getByRole('button', { name: 'Avbryt: Klyngebootstrap' }).click();
    await waitForResults(page);
    await expect(progress).toHaveCount(0);
    await expect(boot).not.toBeChecked();
    await expect(cancelled).toHaveText('Bootstrapen ble avbrutt. Kryss av «Kjør bootstrap» for å starte den på nytt.');
    await expect(table).toHaveCount(0);
    await setFaults(worker, { clockFrozen: false });
    await expectNoSeriousAxeViolations(page, { label: 'bootstrap cancelled' });
    await shots(page, section, 'pool-bootstrap-cancelled');
  });

  await test.step('a worker that crashes on a block: the block is re-run, the result is the normal one', async () => {
    await setFaults(worker, { holdAfter: Infinity, crashBlock: 3, crashes: 1, crashed: 0 });
    await boot.check();
    await waitForResults(page);
    await expect(table).toBeVisible();
    expect((await faults(worker)).crashed).toBe(1);
    expect(await table.innerText()).toBe(reference);
    await expect(failure).toHaveCount(0);
    await expect(cancelled).toHaveText('');
  });

  await test.step('a worker that hangs on a block without an error: a backup copy runs it, the progress says so, the result is the normal one', async () => {
    await boot.uncheck();
    await waitForResults(page);
    const before = (await faults(worker)).made;
    // Block 6's request is swallowed once: its worker never answers. After the block has run 3 s
    // (the floor; the demo's blocks take milliseconds) the pool sends it to another worker; that
    // copy's request is held back until the test has seen the job waiting on it.
    await setFaults(worker, { crashBlock: -1, hangBlock: 5, hangs: 1, hung: 0, holdBlock: 5, holds: 1, held: 0 });
    await boot.check();
    const hint = progress.getByTestId('bootstrap-progress-backup');
    await expect(hint).toHaveText('En del av jobben tar uvanlig lang tid, så den kjøres på nytt i en annen hjelpetråd. Resultatet blir det samme.');
    await expect(progress).toHaveAttribute('data-backups', '1');
    expect((await faults(worker)).held).toBe(1);
    await expectNoSeriousAxeViolations(page, { label: 'bootstrap backup running' });
    await shots(page, section, 'pool-bootstrap-backup-hint');
    await switchLanguage(page, 'en');
    await expect(hint).toHaveText('One part of the job is taking unusually long, so it is being run again in another helper thread. The result will be the same.');
    await switchLanguage(page, 'nb');
    // The backup answers: the job ends with the normal result, and the hint goes with its progress.
    await release(worker);
    await waitForResults(page);
    await expect(table).toBeVisible();
    await expect(progress).toHaveCount(0);
    await setFaults(worker, { clockFrozen: false });
    const f = await faults(worker);
    expect(f.hung).toBe(1);
    // The backup ran on a new worker or an idle one whose place a new one then took (the hung one is stopped).
    expect(f.made).toBeGreaterThan(before);
    expect(await table.innerText()).toBe(reference);
    await expect(failure).toHaveCount(0);
    await shots(page, section, 'pool-bootstrap-hung-recovered');
  });

  await test.step('a block whose backup hangs too: the error by the bootstrap; «Prøv igjen» gives the normal result', async () => {
    await boot.uncheck();
    await waitForResults(page);
    await setFaults(worker, { hangBlock: 5, hangs: 2, hung: 0 });
    await boot.check();
    await waitForResults(page);
    await expect(failure).toContainText('Klyngebootstrapen stoppet: del 6 av 16 feilet to ganger i en hjelpetråd.');
    await expect(failure).toContainText(/\(Feilen: ingen svar etter \d+\s+s\)/);
    expect((await faults(worker)).hung).toBe(2);
    await expect(table).toHaveCount(0);
    await expectNoSeriousAxeViolations(page, { label: 'bootstrap hung twice' });
    await shots(page, section, 'pool-bootstrap-hung-twice');
    await switchLanguage(page, 'en');
    await expect(failure).toContainText(/part 6 of 16 failed twice in a helper thread\..*\(The error: no answer after \d+\s+s\)/);
    await switchLanguage(page, 'nb');
    await failure.getByRole('button', { name: 'Prøv igjen' }).click();
    await waitForResults(page);
    await expect(table).toBeVisible();
    expect(await table.innerText()).toBe(reference);
    await expect(failure).toHaveCount(0);
  });

  await test.step('a block that fails twice: the error by the bootstrap, the rest works, «Prøv igjen» works', async () => {
    await boot.uncheck();
    await waitForResults(page);
    await setFaults(worker, { crashBlock: 3, crashes: 2, crashed: 0 });
    await boot.check();
    await waitForResults(page);
    await expect(failure).toContainText('Klyngebootstrapen stoppet: del 4 av 16 feilet to ganger i en hjelpetråd.');
    expect((await faults(worker)).crashed).toBe(2);
    await expect(table).toHaveCount(0);
    // The rest of the view is there.
    await expect(page.getByTestId('stability-charts')).toBeVisible();
    await expectNoSeriousAxeViolations(page, { label: 'bootstrap failed twice' });
    await shots(page, section, 'pool-bootstrap-failed');
    await switchLanguage(page, 'en');
    await expect(failure).toContainText('The cluster bootstrap stopped: part 4 of 16 failed twice in a helper thread.');
    await switchLanguage(page, 'nb');
    // Another view computes as before.
    await openView(page, 'models');
    await waitForResults(page);
    await expect(page.getByTestId('models-view')).toBeVisible();
    await openView(page, 'stability');
    await expect(failure).toBeVisible();
    await failure.getByRole('button', { name: 'Prøv igjen' }).click();
    await waitForResults(page);
    await expect(table).toBeVisible();
    expect(await table.innerText()).toBe(reference);
    await expect(failure).toHaveCount(0);
  });
});

test('cost key: the bootstrap of the key on the pool shows progress and cancel, and says when a block fails twice', async ({ page }) => {
  test.setTimeout(480_000);
  await loadDemo(page, 'costkey');
  const worker = await analysisWorker(page);
  await installFaults(worker);
  const panel = page.getByTestId('costkey-uncertainty');
  const enable = panel.getByTestId('uncertainty-enable');
  const weights = panel.getByTestId('uncertainty-weights');
  const progress = panel.getByTestId('uncertainty-progress');
  const failure = panel.getByTestId('uncertainty-failure');
  const cancelled = panel.getByTestId('uncertainty-cancelled');

  await test.step('a slow job: its progress, and «Avbryt»', async () => {
    // 999 replications in blocks of 128: 8 blocks; two go through, the rest wait.
    await setFaults(worker, { holdAfter: 2, clockFrozen: true });
    await enable.check();
    const bar = progress.getByRole('progressbar', { name: 'Bootstrap av nøkkelen' });
    await expect(bar).toHaveAttribute('value', '0.25');
    await expect(bar).toHaveAttribute('aria-valuetext', '25\u00a0% ferdig');
    expect((await faults(worker)).made, 'pool workers started').toBeGreaterThan(0);
    await expectNoSeriousAxeViolations(page, { label: 'key bootstrap progress' });
    await shots(page, panel, 'pool-key-bootstrap-progress');
    await progress.getByRole('button', { name: 'Avbryt: Bootstrap av nøkkelen' }).click();
    await waitForResults(page);
    await expect(progress).toHaveCount(0);
    await expect(enable).not.toBeChecked();
    await expect(cancelled).toHaveText('Usikkerhetsberegningen ble avbrutt. Kryss av «Beregn usikkerhet (klyngebootstrap)» for å starte den på nytt.');
    await expect(weights).toHaveCount(0);
    await setFaults(worker, { clockFrozen: false });
    await expectNoSeriousAxeViolations(page, { label: 'key bootstrap cancelled' });
    await shots(page, panel, 'pool-key-bootstrap-cancelled');
  });

  await test.step('a block that fails twice: the error in the panel; «Prøv igjen» gives the intervals', async () => {
    await setFaults(worker, { holdAfter: Infinity, crashBlock: 1, crashes: 2, crashed: 0 });
    await enable.check();
    await waitForResults(page);
    await expect(failure).toContainText('Bootstrapen av nøkkelen stoppet: del 2 av 8 feilet to ganger i en hjelpetråd.');
    await expect(cancelled).toHaveText('');
    await expect(weights).toHaveCount(0);
    // The key itself stands.
    await expect(page.getByTestId('costkey-view').getByRole('table').first()).toBeVisible();
    await expectNoSeriousAxeViolations(page, { label: 'key bootstrap failed twice' });
    await shots(page, panel, 'pool-key-bootstrap-failed');
    await failure.getByRole('button', { name: 'Prøv igjen' }).click();
    await waitForResults(page);
    await expect(panel.getByTestId('uncertainty-stated')).toContainText('999 av 999 trekk');
    await expect(failure).toHaveCount(0);
  });
});
