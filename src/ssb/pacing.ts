/**
 * Pacing under SSB's request limit. The API allows `maxCallsPerTimeWindow` requests per `timeWindow`
 * seconds per IP (`/config`; SSB: 30 per 60 s, shared with everyone behind the same address), so the
 * client keeps a sliding window of its own request times and waits before it would exceed either that
 * limit or 30 per minute, both with a margin of two requests. Time and sleeping are injected so tests
 * run without waiting.
 */
import type { ApiConfig } from './types';

export interface Clock {
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(signal.reason);
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      const onAbort = () => {
        clearTimeout(timer);
        reject(signal?.reason);
      };
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

export interface Window {
  limit: number;
  ms: number;
}

/** SSB's guide: «30 spørringer per minutt» (https://www.ssb.no/api/api-mot-statistikkbanken--brukerveiledning). */
export const PER_MINUTE_CEILING = 30;
const MARGIN = 2;

export function windowsFor(config: Pick<ApiConfig, 'maxCallsPerTimeWindow' | 'timeWindow'>): Window[] {
  const own = { limit: Math.max(1, config.maxCallsPerTimeWindow - MARGIN), ms: Math.max(1, config.timeWindow) * 1000 };
  return [own, { limit: PER_MINUTE_CEILING - MARGIN, ms: 60_000 }];
}

export class RateLimiter {
  private stamps: number[] = [];
  private blockedUntil = 0;

  constructor(
    private windows: Window[],
    private readonly clock: Clock,
  ) {}

  setWindows(windows: Window[]): void {
    this.windows = windows;
  }

  /** After a 429: send nothing before `ms` from now. */
  block(ms: number): void {
    this.blockedUntil = Math.max(this.blockedUntil, this.clock.now() + ms);
  }

  /** How long the next request must wait (0 = may go now). */
  delay(): number {
    const now = this.clock.now();
    let wait = Math.max(0, this.blockedUntil - now);
    for (const w of this.windows) {
      const recent = this.stamps.filter((t) => t > now - w.ms);
      if (recent.length >= w.limit) wait = Math.max(wait, recent[recent.length - w.limit] + w.ms - now);
    }
    return wait;
  }

  /** Waits until a request may go, then records it. `onWait` hears every wait before it starts. */
  async acquire(signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    for (let wait = this.delay(); wait > 0; wait = this.delay()) {
      onWait?.(wait);
      await this.clock.sleep(wait, signal);
    }
    const now = this.clock.now();
    const longest = Math.max(...this.windows.map((w) => w.ms));
    this.stamps = this.stamps.filter((t) => t > now - longest);
    this.stamps.push(now);
  }

  /** Requests made in the last minute (for tests and the progress line). */
  recent(ms = 60_000): number {
    const now = this.clock.now();
    return this.stamps.filter((t) => t > now - ms).length;
  }
}
