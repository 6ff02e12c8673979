/**
 * Journeys of issue 17 items 2 and 5: a saved session that is damaged, too new, invalid or over the
 * limits never crashes the app, is kept aside (downloadable, not overwritten) with a message in plain
 * words, and the demo opens; a page that dies while a file is read does not read it again on reload
 * (no crash loop) and the prompt names the file.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForResults, openView, expectNoSeriousAxeViolations, shot, switchLanguage, waitForAutosave } from './support/fixtures';

// Each test opens the app (and the demo) up to three times; on a shared, loaded machine one demo load can take minutes.
test.describe.configure({ timeout: 600_000 });

const own = ['kommune;år;egen_indikator', '0301;2022;1,5', '1101;2022;2,5', '1103;2022;3,5'].join('\n');

/** Writes keys straight into the app's IndexedDB store (what a damaged or foreign session holds). */
async function putStored(page: Page, entries: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (entries) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kostnadsnokkel-lab');
      r.onupgradeneeded = () => r.result.createObjectStore('session');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const tx = db.transaction('session', 'readwrite');
    for (const [k, v] of Object.entries(entries)) tx.objectStore('session').put(v, k);
    await new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, entries);
}

/** The stored keys and values (Blobs as their size) of the app's store. */
async function readStored(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const r = indexedDB.open('kostnadsnokkel-lab');
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const store = db.transaction('session').objectStore('session');
    const keys = await new Promise<IDBValidKey[]>((resolve) => {
      const r = store.getAllKeys();
      r.onsuccess = () => resolve(r.result);
    });
    const out: Record<string, unknown> = {};
    for (const k of keys) {
      const v = await new Promise<unknown>((resolve) => {
        const r = store.get(k);
        r.onsuccess = () => resolve(r.result);
      });
      out[String(k)] = JSON.parse(JSON.stringify(v, (_, x: unknown) => (x instanceof Blob ? { blobSize: x.size } : x)));
    }
    db.close();
    return out;
  });
}

async function openOnDemo(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
}

async function demoSpec(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => (await (await fetch('demo/demo-spec.json')).json()) as Record<string, unknown>);
}

async function uploadOwn(page: Page): Promise<string> {
  await openView(page, 'data');
  await page.getByTestId('file-input').setInputFiles([{ name: 'egen.csv', mimeType: 'text/csv', buffer: Buffer.from(own, 'utf8') }]);
  await expect(page.getByTestId('queue-item').first()).toHaveAttribute('data-state', 'done', { timeout: 180_000 });
  await waitForResults(page);
  // Wait on the app's own state: the autosaved spec names the file, and its file record exists.
  let id = '';
  await expect
    .poll(async () => {
      const stored = await readStored(page);
      const spec = stored.spec as { data?: { sources?: { id: string; fileName: string }[] } } | undefined;
      id = spec?.data?.sources?.find((s) => s.fileName === 'egen.csv')?.id ?? '';
      return id !== '' && `file:${id}` in stored;
    }, { timeout: 30_000 })
    .toBe(true);
  return id;
}

const damages: { kind: string; spec: (demo: Record<string, unknown>) => unknown; says: RegExp }[] = [
  { kind: 'garbage', spec: () => '}{ not a session', says: /ikke et JSON-objekt/ },
  { kind: 'future version', spec: (d) => ({ ...d, version: 99 }), says: /versjon 99/ },
  { kind: 'invalid models value', spec: (d) => ({ ...d, models: { ...(d.models as object), list: 'alle' } }), says: /models\.list/ },
  {
    kind: 'too many models',
    spec: (d) => {
      const models = d.models as { list: { id: string }[] };
      const list = Array.from({ length: 250 }, (_, i) => ({ ...models.list[0], id: `m${i}` }));
      return { ...d, models: { ...models, list } };
    },
    says: /250 modeller; grensen er 200\./,
  },
];

for (const damage of damages) {
  test(`a saved session with ${damage.kind} is kept aside, named, and the demo opens`, async ({ page }) => {
    await openOnDemo(page);
    const demo = await demoSpec(page);
    const saved = damage.spec(demo);
    await putStored(page, { spec: saved });
    await page.reload();
    const notice = page.getByTestId('damaged-notice');
    await expect(notice).toBeVisible({ timeout: 180_000 });
    await expect(notice).toHaveAttribute('data-what', 'session');
    await expect(notice).toContainText('Den lagrede økten kunne ikke åpnes');
    await expect(notice).toContainText(damage.says);
    // The app answers: the demo opened and computed.
    await expect(page.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
    await waitForResults(page);

    // Kept aside with the very value that was saved, and downloadable.
    const stored = await readStored(page);
    const aside = Object.entries(stored).filter(([k]) => k.startsWith('damaged:'));
    expect(aside).toHaveLength(1);
    expect((aside[0][1] as { value: unknown }).value).toEqual(saved);
    const download = page.waitForEvent('download');
    await notice.getByRole('button', { name: 'Last ned det lagrede' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^kostnadsnokkel-lab-okt-.*\.(json|txt)$/);

    // An edit now saves the new session, but the kept-aside one stays until the user deletes it.
    await page.reload();
    await expect(page.getByTestId('damaged-notice')).toBeVisible({ timeout: 180_000 });
    await waitForResults(page);
    if (damage.kind === 'garbage') {
      await expectNoSeriousAxeViolations(page, { label: 'damaged session notice' });
      await shot(page, 'session-damaged-nb');
      await switchLanguage(page, 'en');
      await expect(page.getByTestId('damaged-notice')).toContainText('The saved session could not be opened');
      await shot(page, 'session-damaged-en');
      await switchLanguage(page, 'nb');
    }
    await page.getByTestId('damaged-notice').getByRole('button', { name: 'Slett det lagrede' }).click();
    await expect(page.getByTestId('damaged-notice')).toHaveCount(0);
    await expect.poll(async () => Object.keys(await readStored(page)).filter((k) => k.startsWith('damaged:')).length).toBe(0);
  });
}

test('a stored file record that is not a file: the session is restored without it, the record kept aside', async ({ page }) => {
  await openOnDemo(page);
  const id = await uploadOwn(page);
  await putStored(page, { [`file:${id}`]: { name: 'egen.csv', bytes: 'ikke bytes' } });
  await page.reload();
  const notice = page.getByTestId('damaged-notice');
  await expect(notice).toBeVisible({ timeout: 180_000 });
  await expect(notice).toHaveAttribute('data-what', 'file');
  await expect(notice).toContainText('«egen.csv» er skadet');
  await expect(page.getByTestId('restore-prompt')).toBeVisible();
  await waitForResults(page);
  // The rest of the analysis is there; the file is named as not loaded.
  await expect(page.getByText('Fila «egen.csv» er ikke lastet inn i denne økta').first()).toBeVisible();
});

test('a page that dies while a file is read: the reload does not read it again and names it', async ({ page, context }) => {
  await openOnDemo(page);
  // A file big enough that reading it takes a while: the page is closed while it is read.
  const rows = ['kommune;år;stor'];
  for (let i = 0; i < 1_500_000; i++) rows.push(`${3001 + (i % 300)};${2000 + (i % 20)};${i}`);
  await openView(page, 'data');
  await page.getByTestId('file-input').setInputFiles([{ name: 'stor.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n'), 'utf8') }]);
  await expect.poll(async () => 'importing' in (await readStored(page)), { timeout: 180_000 }).toBe(true);
  await page.close();

  const again = await context.newPage();
  again.on('pageerror', (e) => {
    throw e;
  });
  await again.goto('/');
  const notice = again.getByTestId('crash-notice');
  await expect(notice).toBeVisible({ timeout: 180_000 });
  await expect(notice).toContainText('Siden stoppet sist mens «stor.csv» ble lest');
  await expect(notice).toContainText('Den ble ikke lagt til i analysen');
  await expect(again.getByTestId('synthetic-badge')).toBeVisible({ timeout: 180_000 });
  await waitForResults(again);
  await notice.getByRole('button', { name: 'Greit' }).click();
  await expect(notice).toHaveCount(0);
  await again.reload();
  await waitForResults(again);
  await expect(again.getByTestId('crash-notice')).toHaveCount(0);
  await again.close();
});

test('a file that was being restored when the page died is held back until the user chooses', async ({ page }) => {
  await openOnDemo(page);
  const id = await uploadOwn(page);
  // What the page leaves behind when it dies while re-reading the saved file on a reload.
  await putStored(page, { importing: { phase: 'restore', files: [{ name: 'egen.csv', id }], startedAt: new Date().toISOString() } });
  await page.reload();
  const notice = page.getByTestId('crash-notice');
  await expect(notice).toBeVisible({ timeout: 180_000 });
  await expect(notice).toContainText('«egen.csv»');
  await expect(notice).toContainText('Analysen er gjenopprettet uten den');
  await waitForResults(page);
  await expectNoSeriousAxeViolations(page, { label: 'crash notice' });
  await shot(page, 'session-crash-nb');
  // Held back across another reload too, until the user chooses.
  await page.reload();
  await expect(page.getByTestId('crash-notice')).toBeVisible({ timeout: 180_000 });
  await waitForResults(page);
  await page.getByTestId('crash-notice').getByRole('button', { name: 'Prøv å lese fila igjen' }).click();
  await expect(page.getByTestId('crash-notice')).toHaveCount(0);
  await waitForResults(page);
  await openView(page, 'data');
  await expect(page.locator('[data-testid="file-card"][data-file="egen.csv"]')).toBeVisible();
  await expect(page.getByText('Fila «egen.csv» er ikke lastet inn i denne økta')).toHaveCount(0);
});

test('a table from SSB that was being read when the page died is named; «Ny analyse» ends a held-back file with the rest', async ({ page }) => {
  await openOnDemo(page);
  const id = await uploadOwn(page);
  // Both crash marks at once: an SSB table being read (its bytes not stored yet), and the restore of egen.csv.
  await putStored(page, { importing: { phase: 'ssb', files: [{ name: 'ssb-12367.json' }, { name: 'egen.csv', id }], startedAt: new Date().toISOString() } });
  await page.reload();
  const notice = page.getByTestId('crash-notice');
  await expect(notice).toBeVisible({ timeout: 180_000 });
  await expect(notice).toContainText('«ssb-12367.json» og «egen.csv»');
  await expect(notice).toContainText('Analysen er gjenopprettet uten den');
  await waitForResults(page);
  // «Ny analyse» removes every file, the held-back one too: nothing is left to choose, and a reload stays empty.
  await page.getByTestId('new-analysis').click();
  await page.getByTestId('start-confirm-yes').click();
  await expect(page.getByTestId('crash-notice')).toHaveCount(0);
  await expect.poll(async () => 'crashed' in (await readStored(page)), { timeout: 30_000 }).toBe(false);
  await expect.poll(async () => `file:${id}` in (await readStored(page)), { timeout: 30_000 }).toBe(false);
  // The empty analysis is autosaved after a debounce: a reload before it would restore the old one.
  await waitForAutosave(page, '"sources":[]');
  await page.reload();
  await waitForResults(page);
  await expect(page.getByTestId('crash-notice')).toHaveCount(0);
  await expect(page.getByTestId('synthetic-badge')).toHaveCount(0);
});

/** An edit of the analysis (the phase-in years of the redistribution view): each one is autosaved. */
async function edit(page: Page, years: 1 | 2 | 3): Promise<void> {
  await page.locator('#rd-phase').selectOption(String(years));
}

/** Makes the page's IndexedDB writes of `key` throw `error` (a DOMException name and message), until `restorePut`. */
async function failPut(page: Page, key: string, name: string, message: string): Promise<void> {
  await page.evaluate(
    ([key, name, message]) => {
      const w = window as unknown as { __put?: typeof IDBObjectStore.prototype.put };
      w.__put ??= IDBObjectStore.prototype.put;
      const put = w.__put;
      IDBObjectStore.prototype.put = function (value: unknown, k?: IDBValidKey) {
        if (k === key) throw new DOMException(message, name);
        return put.call(this, value, k);
      };
    },
    [key, name, message],
  );
}

async function restorePut(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __put?: typeof IDBObjectStore.prototype.put };
    if (w.__put) IDBObjectStore.prototype.put = w.__put;
  });
}

/**
 * Autosave failures. The store deleted is made for real by clearing the site's IndexedDB (CDP
 * Storage.clearDataForOrigin: Chromium closes the open connection). The others are stubbed in the
 * page with the browser's own errors: Chromium's quota override (CDP Storage.overrideQuotaForOrigin)
 * does not reach a connection opened before it, which the app's is; a session over IndexedDB's
 * ~128 MB per value cannot be made (the analysis limits keep a real one far below it); and a store
 * that cannot be opened again after it was deleted fails as the closed connection does. Each is shown
 * in the status line with what to do, and a later save that works clears it.
 */
test('autosave failures (quota, too large, store deleted) are shown in the status line with what to do', async ({ page, context }) => {
  await openOnDemo(page);
  await uploadOwn(page);
  const origin = new URL(page.url()).origin;
  const cdp = await context.newCDPSession(page);
  await openView(page, 'redistribution');
  await waitForResults(page);
  const status = page.getByTestId('save-status');
  await expect(status).toHaveCount(0);

  await test.step('quota exceeded', async () => {
    await failPut(page, 'spec', 'QuotaExceededError', 'The quota has been exceeded.');
    await edit(page, 2);
    await expect(status).toHaveAttribute('data-reason', 'quota', { timeout: 60_000 });
    await expect(status).toHaveText('Økten kan ikke lagres: nettleseren har ikke mer lagringsplass til dette nettstedet. Lagre en prosjektfil under «Del og eksporter», eller frigjør plass.');
    await expectNoSeriousAxeViolations(page, { label: 'save status: quota' });
    await shot(page, 'session-save-quota-nb');
    await switchLanguage(page, 'en');
    await expect(status).toContainText('The session cannot be saved: the browser has no more storage for this site.');
    await shot(page, 'session-save-quota-en');
    await switchLanguage(page, 'nb');
    // Space again: the next edit is saved and the line goes away.
    await restorePut(page);
    await edit(page, 3);
    await expect(status).toHaveCount(0, { timeout: 60_000 });
    await waitForAutosave(page, '"phaseInYears":3');
  });

  await test.step('a session too large for one IndexedDB value', async () => {
    // Chromium's message for a value over its limit.
    await failPut(page, 'spec', 'UnknownError', "Failed to execute 'put' on 'IDBObjectStore': The serialized keys and/or value are too large (size=140000000 bytes, max=133169152 bytes).");
    await edit(page, 1);
    await expect(status).toHaveAttribute('data-reason', 'too-large', { timeout: 60_000 });
    await expect(status).toHaveText('Økten er for stor til å lagres i nettleseren. Lagre en prosjektfil under «Del og eksporter» for å beholde den.');
    await restorePut(page);
    await edit(page, 2);
    await expect(status).toHaveCount(0, { timeout: 60_000 });
    await waitForAutosave(page, '"phaseInYears":2');
  });

  await test.step('the store deleted while the page is open: opened again, the lost file named', async () => {
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'indexeddb' });
    await edit(page, 3);
    await expect(status).toHaveAttribute('data-reason', 'lost', { timeout: 60_000 });
    await expect(status).toHaveText('Nettleserens lagring ble tømt mens siden var åpen: egen.csv må lastes opp igjen etter en omlasting.');
    // The analysis itself is saved again in the new store.
    await waitForAutosave(page, '"phaseInYears":3');
  });

  await test.step('the store deleted and not to be opened again', async () => {
    await page.evaluate(() => {
      const transaction = IDBDatabase.prototype.transaction;
      (window as unknown as { __tx: typeof transaction }).__tx = transaction;
      // What Chromium throws on a connection it has closed (seen with Storage.clearDataForOrigin above).
      IDBDatabase.prototype.transaction = function () {
        throw new DOMException("Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing.", 'InvalidStateError');
      };
    });
    await edit(page, 1);
    await expect(status).toHaveAttribute('data-reason', 'store-deleted', { timeout: 60_000 });
    await expect(status).toHaveText('Økten kan ikke lagres: nettleserens lagring for dette nettstedet er slettet og kan ikke åpnes igjen. Lagre en prosjektfil under «Del og eksporter» og last inn siden på nytt.');
    await shot(page, 'session-save-store-deleted-nb');
    // The page still answers and computes.
    await waitForResults(page);
    await expect(page.getByTestId('synthetic-badge')).toBeVisible();
  });
  await cdp.detach();
});
