import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnalysisClient } from './workerClient';

/** The saved-session check answers only when the test says so. */
let answerSaved: (v: unknown) => void = () => undefined;
vi.mock('./persistence', () => ({
  readSavedSpec: () => new Promise((ok) => (answerSaved = ok)),
}));

const fetched: { url: string; signal?: AbortSignal | null }[] = [];
const loadDemo = vi.fn(async () => ({ spec: null, sources: [], problems: [] }));

async function freshModule() {
  vi.resetModules();
  const { setAnalysisClient } = await import('./workerClient');
  setAnalysisClient({ loadDemo } as unknown as AnalysisClient);
  return import('./earlyDemo');
}

beforeEach(() => {
  fetched.length = 0;
  loadDemo.mockClear();
  vi.stubGlobal('document', { baseURI: 'http://example.test/' });
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    fetched.push({ url, signal: init?.signal });
    return new Response(new Uint8Array([1, 2, 3]));
  });
});
afterEach(() => vi.unstubAllGlobals());

describe('startDemoEarly', () => {
  it('requests the demo files before the saved-session check answers, and loads them when nothing is saved', async () => {
    const { startDemoEarly, takeEarlyDemo } = await freshModule();
    startDemoEarly();
    // The check has not answered: the requests are already made.
    expect(fetched.map((f) => f.url)).toEqual(['http://example.test/demo/demo-spec.json', 'http://example.test/demo/demo-sources.bin']);
    expect(loadDemo).not.toHaveBeenCalled();
    answerSaved(undefined);
    const result = await takeEarlyDemo(() => undefined);
    expect(result).toEqual({ spec: null, sources: [], problems: [] });
    expect(loadDemo).toHaveBeenCalledTimes(1);
    const files = (loadDemo.mock.calls[0] as unknown[])[2] as { spec: Uint8Array; pack: Uint8Array };
    expect([...files.spec]).toEqual([1, 2, 3]);
    expect([...files.pack]).toEqual([1, 2, 3]);
    expect(fetched.every((f) => !f.signal?.aborted)).toBe(true);
  });

  it('drops the requests and never asks the worker for the demo when a session is saved', async () => {
    const { startDemoEarly, takeEarlyDemo } = await freshModule();
    startDemoEarly();
    answerSaved({ version: 9, title: 'lagret' });
    expect(await takeEarlyDemo(() => undefined)).toBeNull();
    expect(loadDemo).not.toHaveBeenCalled();
    expect(fetched).toHaveLength(2);
    expect(fetched.every((f) => f.signal?.aborted)).toBe(true);
  });
});
