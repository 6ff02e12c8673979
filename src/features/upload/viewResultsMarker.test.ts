/**
 * The Data view says when its first screen has drawn its results (`data-view-results`, on the
 * checklist, which is drawn from them), not only when the store has them: the bench's
 * demo_interactive_ms waits for this marker (bench/mainthread.bench.ts). Rendered server-side with
 * the store's state set by the test.
 */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisResults } from '../../results/analysisResults';
import { useAnalysisStore } from '../../store/analysisStore';
import { UploadView } from './UploadView';

// Server rendering reads a store's initial state (useSyncExternalStore's server snapshot); here the
// state the test sets is the one to render.
vi.mock('zustand', async (importOriginal) => (await import('../../../test/support/zustandServerState')).zustandWithSetState(importOriginal));

const marker = (html: string) => /data-view-results="(\w+)"/.exec(html)?.[1];

describe('the Data view marks the results it has drawn', () => {
  it('waits while the store has no dataset results', () => {
    useAnalysisStore.setState({ results: null, catalogue: [], problems: [] });
    expect(marker(renderToStaticMarkup(createElement(UploadView)))).toBe('waiting');
  });

  it('is shown once the checklist is drawn from the dataset results', () => {
    const results = { dataset: { validation: { sources: [], rows: 0, units: 0, years: [] } } } as unknown as AnalysisResults;
    useAnalysisStore.setState({ results, catalogue: [], problems: [] });
    expect(marker(renderToStaticMarkup(createElement(UploadView)))).toBe('shown');
  });
});
