import { describe, expect, it } from 'vitest';
import { classifySaveError } from './persistence';

/** The errors Chromium's IndexedDB gives (names and messages as seen in Chromium). */
const dom = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('autosave failures are classified for the status line', () => {
  it.each([
    [dom('QuotaExceededError', 'The quota has been exceeded.'), 'quota'],
    [dom('UnknownError', 'The serialized keys and/or value are too large (size=140000000 bytes, max=133169152 bytes).'), 'too-large'],
    [dom('DataCloneError', 'could not be cloned'), 'too-large'],
    [dom('InvalidStateError', "Failed to execute 'transaction' on 'IDBDatabase': The database connection is closing."), 'store-deleted'],
    [dom('NotFoundError', 'One of the specified object stores was not found.'), 'store-deleted'],
    [dom('SecurityError', 'access denied'), 'unavailable'],
    ['something else', 'unknown'],
  ])('%s → %s', (e, reason) => {
    expect(classifySaveError(e)).toBe(reason);
  });
});
