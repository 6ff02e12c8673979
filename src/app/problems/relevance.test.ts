import { describe, expect, it } from 'vitest';
import { problem } from '../../engine/problem';
import { datasetTooLarge } from '../../ingest/limits';
import { problemsForView } from './relevance';

const ctx = { used: new Set(['utgift', 'innbyggere']) };

describe('which view shows a message', () => {
  it('a dataset over its cell limit is shown on the Data view (where the files are) and on every analysis view', () => {
    // Seen with the hostile corpus in the browser: 5 563 rows × 15 145 variables were refused and the
    // catalogue vanished, but the Data view said nothing.
    const p = datasetTooLarge(5_563, 15_145, 40_000_000);
    for (const view of ['data', 'variables', 'models', 'costkey']) expect(problemsForView(view, [p], ctx), view).toEqual([p]);
  });

  it('a note about a file stays on the Data view', () => {
    const p = problem('rate-recomputed', 'x', 'x', { file: 'a.csv' }, 'info');
    expect(problemsForView('data', [p], ctx)).toEqual([p]);
    expect(problemsForView('costkey', [p], ctx)).toEqual([]);
  });
});
