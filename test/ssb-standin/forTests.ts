/**
 * Starts a stand-in for one test file on the first free port of 4362–4369 (the range this project's
 * SSB tests use on the shared machine; 4360–4361 are for Playwright and manual runs).
 */
import { startStandin, type Standin, type StandinOptions } from './server';

export async function standinForTests(opts: Omit<StandinOptions, 'port'> = {}): Promise<Standin> {
  let last: unknown;
  for (let port = 4362; port <= 4369; port++) {
    try {
      return await startStandin({ ...opts, port });
    } catch (e) {
      last = e;
      if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    }
  }
  throw last;
}
