/**
 * The PxWebApi v2 client: table search, metadata, and data fetched within the API's limits. Used by
 * the page (with the browser's fetch: the only network call the app makes, to the configured API) and
 * by the CLI (Node's fetch). It never parses data bodies: they come back as bytes, and the worker (or
 * the CLI) reassembles and reads them. Only the small answers — `/config`, search, metadata, error
 * bodies — are read here.
 *
 * Limits, all from the API itself: cells per request from `/config` (`maxDataCells`), and a split
 * again when the server still says «Too many cells selected»; GET URL length (split.ts); requests per
 * minute (pacing.ts); HTTP 429 and 503 wait and retry with back-off (`Retry-After` when the browser
 * may read it, else 2, 4, 8 … s); a dropped connection or timeout is retried the same way, and then
 * reported as «no contact with SSB».
 */
import type { Json } from '../ingest/jsonstat';
import type { SsbQuery } from '../spec/sections/data';
import { apiError, badAnswerError, cancelledError, gaveUpError, offlineError, SsbError, type RequestContext } from './errors';
import { parseConfig, parseMetadata, parseTables } from './metadata';
import { RateLimiter, realClock, windowsFor, type Clock } from './pacing';
import { cellCount, configUrl, dataUrl, metadataUrl, queryCodelists, resolveQuery, tablesUrl, type DataRequest, type ResolvedQuery } from './query';
import { bisect, DEFAULT_MAX_URL_LENGTH, splitRequest } from './split';
import { problem } from '../engine/problem';
import type { ApiConfig, TableMeta, TablesPage } from './types';

export interface ClientOptions {
  api: string;
  lang?: 'no' | 'en';
  fetch?: typeof fetch;
  clock?: Clock;
  /** False when the browser knows it is offline (navigator.onLine); the request is then not tried. */
  online?: () => boolean;
  maxUrlLength?: number;
  /** Tries per request for 429/503/network failures (default 6). */
  maxAttempts?: number;
  /** First back-off wait (default 2 000 ms), doubled per try up to 60 s. */
  backoffMs?: number;
  /** A request that has not answered in this time is abandoned and retried (default 120 s). */
  timeoutMs?: number;
}

export interface FetchProgress {
  /** Data requests finished and planned (the plan grows when the server asks for a further split). */
  done: number;
  total: number;
  /** Milliseconds the client is waiting (rate limit or back-off); 0 while a request runs. */
  waitingMs: number;
  tableId: string;
}

export interface DataPlan {
  config: ApiConfig;
  meta: TableMeta;
  resolved: ResolvedQuery;
  cells: number;
  requests: DataRequest[];
}

export interface FetchedData {
  meta: TableMeta;
  /** Response bodies (JSON-stat 2) in request order. */
  parts: Uint8Array[];
  urls: string[];
  /** Each dimension's codes over the whole selection (for reassembly). */
  order: Record<string, string[]>;
  cells: number;
  fetchedAt: string;
}

const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

export class SsbClient {
  readonly api: string;
  readonly lang: 'no' | 'en';
  private readonly fetchImpl: typeof fetch;
  private readonly clock: Clock;
  private readonly limiter: RateLimiter;
  private config: ApiConfig | null = null;
  /** Metadata read in the last two minutes, by URL: a recipe reads the same table several times. */
  private readonly metaCache = new Map<string, { at: number; meta: TableMeta }>();
  private readonly opts: Required<Pick<ClientOptions, 'maxUrlLength' | 'maxAttempts' | 'backoffMs' | 'timeoutMs'>>;

  constructor(private readonly options: ClientOptions) {
    this.api = options.api.replace(/\/+$/, '');
    this.lang = options.lang ?? 'no';
    this.fetchImpl = options.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
    this.clock = options.clock ?? realClock;
    this.limiter = new RateLimiter(windowsFor({ maxCallsPerTimeWindow: 30, timeWindow: 60 }), this.clock);
    this.opts = {
      maxUrlLength: options.maxUrlLength ?? DEFAULT_MAX_URL_LENGTH,
      maxAttempts: options.maxAttempts ?? 6,
      backoffMs: options.backoffMs ?? 2000,
      timeoutMs: options.timeoutMs ?? 120_000,
    };
  }

  /** `/config`, read once per client. */
  async getConfig(signal?: AbortSignal): Promise<ApiConfig> {
    if (this.config) return this.config;
    const url = configUrl(this.api);
    const cfg = parseConfig(await this.getJson(url, { url }, signal));
    if (!cfg) throw badAnswerError({ url }, 'konfigurasjonen (/config) mangler maxDataCells', 'the configuration (/config) lacks maxDataCells');
    this.config = cfg;
    this.limiter.setWindows(windowsFor(cfg));
    return cfg;
  }

  async searchTables(text: string, signal?: AbortSignal, pageNumber = 1): Promise<TablesPage> {
    await this.getConfig(signal);
    const url = tablesUrl(this.api, text, this.lang, 20, pageNumber);
    const page = parseTables(await this.getJson(url, { url }, signal));
    if (!page) throw badAnswerError({ url }, 'tabellsøket ga ikke en tabelliste', 'the table search did not return a table list');
    return page;
  }

  /** Metadata of a table, with the given code lists applied (their values replace the table's). */
  async getMetadata(tableId: string, codelists: Record<string, string> = {}, signal?: AbortSignal): Promise<TableMeta> {
    await this.getConfig(signal);
    const url = metadataUrl(this.api, tableId, this.lang, codelists);
    const cached = this.metaCache.get(url);
    if (cached && this.clock.now() - cached.at < 120_000) return cached.meta;
    const meta = parseMetadata(await this.getJson(url, { url, tableId }, signal), tableId, codelists);
    if (!meta) throw badAnswerError({ url, tableId }, 'metadataene er ikke JSON-stat 2', 'the metadata are not JSON-stat 2');
    this.metaCache.set(url, { at: this.clock.now(), meta });
    return meta;
  }

  /** What a query would fetch: cells, and the requests it is split into. Throws on unknown codes. */
  async plan(query: SsbQuery, signal?: AbortSignal): Promise<DataPlan> {
    const config = await this.getConfig(signal);
    const meta = await this.getMetadata(query.tableId, queryCodelists(query), signal);
    const resolved = resolveQuery(meta, query);
    checkResolved(resolved, meta);
    const cells = cellCount(resolved.request);
    const requests = splitRequest(resolved.request, { maxCells: config.maxDataCells, maxUrlLength: this.opts.maxUrlLength, api: this.api });
    return { config, meta, resolved, cells, requests };
  }

  async fetchData(query: SsbQuery, opts: { signal?: AbortSignal; onProgress?(p: FetchProgress): void; plan?: DataPlan } = {}): Promise<FetchedData> {
    const { signal, onProgress } = opts;
    const plan = opts.plan ?? (await this.plan(query, signal));
    const tableId = plan.meta.id;
    const queue = [...plan.requests];
    let total = queue.length;
    const parts: Uint8Array[] = [];
    const urls: string[] = [];
    const report = (waitingMs: number) => onProgress?.({ done: parts.length, total, waitingMs, tableId });
    report(0);
    while (queue.length) {
      const req = queue.shift()!;
      const url = dataUrl(this.api, req);
      try {
        parts.push(await this.request(url, { url, tableId }, signal, report));
        urls.push(url);
        report(0);
      } catch (e) {
        // The server's own cell limit can be lower than /config says: split that part and go on.
        const halves = e instanceof SsbError && e.kind === 'too-many-cells' ? bisect(req) : null;
        if (!halves) throw e;
        queue.unshift(...halves);
        total += 1;
        report(0);
      }
    }
    return { meta: plan.meta, parts, urls, order: plan.resolved.order, cells: plan.cells, fetchedAt: new Date(this.clock.now()).toISOString() };
  }

  private async getJson(url: string, ctx: RequestContext, signal?: AbortSignal): Promise<Json> {
    const bytes = await this.request(url, ctx, signal);
    try {
      return JSON.parse(decode(bytes)) as Json;
    } catch {
      throw badAnswerError(ctx, 'svaret er ikke JSON', 'the answer is not JSON');
    }
  }

  /** One GET within the rate limit, retried on 429/503/network failure; resolves to the body bytes. */
  private async request(url: string, ctx: RequestContext, signal?: AbortSignal, onWait?: (ms: number) => void): Promise<Uint8Array> {
    const { maxAttempts } = this.opts;
    let lastStatus = 0;
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (signal?.aborted) throw cancelledError();
      if (this.options.online && !this.options.online()) throw offlineError(ctx, 'nettleseren er uten nettverk');
      try {
        await this.limiter.acquire(signal, onWait);
      } catch {
        throw cancelledError();
      }
      let res: Response;
      try {
        res = await this.fetchWithTimeout(url, signal);
      } catch (e) {
        if (signal?.aborted) throw cancelledError();
        if (attempt === maxAttempts) throw offlineError(ctx, e instanceof Error && e.name === 'TimeoutError' ? 'ingen svar innen tidsfristen' : 'forbindelsen ble brutt');
        await this.backoff(this.backoffMs(attempt), signal, onWait);
        continue;
      }
      if (res.ok) {
        try {
          return new Uint8Array(await res.arrayBuffer());
        } catch {
          if (signal?.aborted) throw cancelledError();
          if (attempt === maxAttempts) throw offlineError(ctx, 'forbindelsen ble brutt under overføringen');
          await this.backoff(this.backoffMs(attempt), signal, onWait);
          continue;
        }
      }
      const body = await res.text().catch(() => '');
      if (res.status === 429 || res.status === 503) {
        lastStatus = res.status;
        if (attempt === maxAttempts) break;
        const wait = retryAfterMs(res.headers.get('retry-after'), this.clock.now()) ?? this.backoffMs(attempt);
        if (res.status === 429) this.limiter.block(wait);
        await this.backoff(wait, signal, onWait);
        continue;
      }
      throw apiError(res.status, body, ctx);
    }
    throw gaveUpError(ctx, lastStatus, maxAttempts);
  }

  private backoffMs(attempt: number): number {
    return Math.min(60_000, this.opts.backoffMs * 2 ** (attempt - 1));
  }

  private async backoff(ms: number, signal?: AbortSignal, onWait?: (ms: number) => void): Promise<void> {
    onWait?.(ms);
    try {
      await this.clock.sleep(ms, signal);
    } catch {
      throw cancelledError();
    }
  }

  private async fetchWithTimeout(url: string, signal?: AbortSignal): Promise<Response> {
    const ctl = new AbortController();
    const onAbort = () => ctl.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    const timer = setTimeout(() => ctl.abort(new DOMException('timeout', 'TimeoutError')), this.opts.timeoutMs);
    try {
      // No credentials and no custom headers: a simple CORS GET, nothing but the URL leaves the page.
      return await this.fetchImpl(url, { signal: ctl.signal, credentials: 'omit', cache: 'no-store' });
    } catch (e) {
      if (ctl.signal.reason instanceof DOMException && ctl.signal.reason.name === 'TimeoutError') throw ctl.signal.reason;
      throw e;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    }
  }
}

/** `Retry-After` as seconds or an HTTP date; null when absent (browsers hide it cross-origin unless exposed). */
export function retryAfterMs(header: string | null, now: number): number | null {
  if (!header) return null;
  const s = Number(header);
  if (Number.isFinite(s) && s >= 0) return Math.min(120_000, s * 1000);
  const t = Date.parse(header);
  return Number.isFinite(t) ? Math.max(0, Math.min(120_000, t - now)) : null;
}

/** Unknown dimensions/codes and missing mandatory dimensions, caught before any data request. */
function checkResolved(r: ResolvedQuery, meta: TableMeta): void {
  const issues: string[] = [];
  const issuesEn: string[] = [];
  if (r.unknownDims.length) {
    issues.push(`dimensjonene ${r.unknownDims.join(', ')} finnes ikke i tabellen`);
    issuesEn.push(`dimensions ${r.unknownDims.join(', ')} do not exist in the table`);
  }
  if (r.unknown.length) {
    const list = r.unknown.map((u) => `${u.variableCode}=${u.valueCode}`).join(', ');
    issues.push(`verdiene ${list} finnes ikke`);
    issuesEn.push(`values ${list} do not exist`);
  }
  if (r.missingMandatory.length) {
    issues.push(`dimensjonene ${r.missingMandatory.join(', ')} må være med i utvalget`);
    issuesEn.push(`dimensions ${r.missingMandatory.join(', ')} must be selected`);
  }
  if (!issues.length && cellCount(r.request) === 0) {
    issues.push('utvalget er tomt');
    issuesEn.push('the selection is empty');
  }
  if (!issues.length) return;
  throw new SsbError(
    'api',
    problem('ssb-selection', `Utvalget fra tabell ${meta.id} kan ikke hentes: ${issues.join('; ')}.`, `The selection from table ${meta.id} cannot be fetched: ${issuesEn.join('; ')}.`),
  );
}
