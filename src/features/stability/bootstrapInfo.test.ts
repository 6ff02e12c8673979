/**
 * The bootstrap's summary line shows its counts in the app's number format: «N = 3 335» with the
 * no-break space of nb-NO, «N = 3,335» in English (it printed «N = 3335» before).
 */
import { describe, expect, it } from 'vitest';
import { bootstrapInfo } from './bootstrapInfo';

const b = { valid: 1238, failed: 12, nClusters: 1024, n: 3335 };

describe('the bootstrap summary', () => {
  it('formats its counts the Norwegian way in bokmål', () => {
    expect(bootstrapInfo(b, 'nb')).toBe('1\u00a0238 replikasjoner (12 kunne ikke estimeres), 1\u00a0024 klynger, N = 3\u00a0335.');
  });

  it('and the English way in English', () => {
    expect(bootstrapInfo(b, 'en')).toBe('1,238 replicates (12 could not be estimated), 1,024 clusters, N = 3,335.');
  });

  it('leaves out the failed count when none failed', () => {
    expect(bootstrapInfo({ ...b, failed: 0 }, 'nb')).toBe('1\u00a0238 replikasjoner, 1\u00a0024 klynger, N = 3\u00a0335.');
  });
});
