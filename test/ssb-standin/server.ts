/**
 * A small PxWebApi v2 stand-in (Node `http`) for tests without internet: `/config`, `/tables?query=`,
 * `/tables/{id}`, `/tables/{id}/metadata`, `/tables/{id}/data` (JSON-stat 2), `/codelists/{id}`.
 * It enforces what SSB's API enforces — cells per request, URL length (HTML 404, the recorded page),
 * requests per time window (429 with Retry-After), mandatory dimensions and unknown codes (the
 * recorded problem+json bodies) — and its fault tables answer 429, 503, slowly or not at all.
 * CORS is open like SSB's (`Access-Control-Allow-Origin: *`). Test controls live under `/__standin/`.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildCatalogue, type SCodelist, type STable } from './catalogue';
import { dataJson, expand, metadataJson, valuesOf, type Selected } from './cube';
import { loadRecorded, type Recorded } from './recorded';

export interface StandinOptions {
  port?: number;
  host?: string;
  /** maxDataCells reported by /config (default 800 000, SSB's). */
  maxCells?: number;
  /** Cells the server actually accepts (default maxCells): lower to test «Too many cells selected». */
  enforceCells?: number;
  maxUrlLength?: number;
  /** Requests per window (default 30 per 60 s, SSB's). */
  calls?: number;
  windowSec?: number;
  /** Delay of the slow fault table (ms). */
  slowMs?: number;
  basePath?: string;
}

export interface Standin {
  /** API base URL, e.g. http://127.0.0.1:4361/api/pxwebapi/v2. */
  api: string;
  port: number;
  /** Paths of every request, in order (query included). */
  requests: string[];
  /** Requests refused because the client went over the requests-per-window quota (a client that paces itself never causes one). */
  refused(): number;
  setVintage(n: number): void;
  close(): Promise<void>;
}

const PROBLEM = (title: string, status: number, detail?: string) => JSON.stringify({ type: 'Parameter error', title, status, ...(detail ? { detail } : {}) });

export async function startStandin(opts: StandinOptions = {}): Promise<Standin> {
  const recorded: Recorded | null = loadRecorded();
  const catalogue = buildCatalogue(recorded);
  const basePath = opts.basePath ?? '/api/pxwebapi/v2';
  const maxCells = opts.maxCells ?? 800_000;
  const enforceCells = opts.enforceCells ?? maxCells;
  const maxUrl = opts.maxUrlLength ?? 2100;
  const calls = opts.calls ?? 30;
  const windowMs = (opts.windowSec ?? 60) * 1000;
  const requests: string[] = [];
  const stamps: number[] = [];
  const faultsSeen = new Map<string, number>();
  let vintage = 0;
  let refused = 0;
  let origin = '';

  const send = (res: ServerResponse, status: number, body: string, type = 'application/json; charset=utf-8', headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': type, 'Access-Control-Allow-Origin': '*', ...headers });
    res.end(body);
  };
  const recordedError = (title: string, status: number) => recorded?.errors.get(title) ?? PROBLEM(title, status);

  function parseParams(url: URL): { valueCodes: Map<string, string[]>; codelist: Map<string, string>; other: Map<string, string> } {
    const valueCodes = new Map<string, string[]>();
    const codelist = new Map<string, string>();
    const other = new Map<string, string>();
    for (const [k, v] of url.searchParams) {
      const m = /^(valuecodes|codelist)\[(.+)\]$/i.exec(k);
      if (!m) other.set(k.toLowerCase(), v);
      else if (m[1].toLowerCase() === 'codelist') codelist.set(m[2], v);
      else valueCodes.set(m[2], v === '' ? [] : v.split(','));
    }
    return { valueCodes, codelist, other };
  }

  function codelistsFor(table: STable, requested: Map<string, string>): Map<string, SCodelist> | string {
    const out = new Map<string, SCodelist>();
    const dims = table.dims(vintage);
    for (const [dimId, id] of requested) {
      const d = dims.find((x) => x.id.toLowerCase() === dimId.toLowerCase());
      if (!d) return 'Non-existent variable';
      const cl = d.codelists.find((c) => c.id.toLowerCase() === id.toLowerCase());
      if (!cl) return 'Non-existent codelist';
      out.set(d.id, cl);
    }
    return out;
  }

  function tableSummary(t: STable) {
    const dims = t.dims(vintage);
    const time = dims.find((d) => d.role === 'time')!;
    return {
      id: t.id,
      label: t.label,
      description: '',
      updated: t.updated(vintage),
      firstPeriod: time.values[0].code,
      lastPeriod: time.values[time.values.length - 1].code,
      category: 'public',
      variableNames: dims.map((d) => d.label),
      source: 'Statistisk sentralbyrå',
      timeUnit: 'Annual',
      discontinued: false,
      links: [{ rel: 'self', hreflang: 'no', href: `${origin}${basePath}/tables/${t.id}?lang=no` }],
    };
  }

  async function data(res: ServerResponse, table: STable, url: URL) {
    const { valueCodes, codelist, other } = parseParams(url);
    const format = other.get('outputformat') ?? 'json-stat2';
    if (format !== 'json-stat2') return send(res, 400, PROBLEM('Unsupported output format', 400, 'Unsupported output format'));
    const cls = codelistsFor(table, codelist);
    if (typeof cls === 'string') return send(res, 400, PROBLEM(cls, 400));
    const dims = table.dims(vintage);
    const selected = new Map<string, Selected>();
    for (const [dimId, exprs] of valueCodes) {
      const d = dims.find((x) => x.id.toLowerCase() === dimId.toLowerCase());
      if (!d) return send(res, 400, PROBLEM('Non-existent variable', 400));
      if (exprs.length === 0) continue;
      const cl = cls.get(d.id) ?? null;
      const ex = expand(valuesOf(d, cl), exprs, d.role === 'time');
      if (!ex.ok) return send(res, 400, /[()*?]/.test(ex.bad) ? PROBLEM('Illegal selection expression', 400) : recordedError('Non-existent value', 400));
      selected.set(d.id, { dim: d, codelist: cl, codes: ex.codes });
    }
    if (valueCodes.size === 0) {
      // No selection: PxWebApi applies a default selection; here the latest year and first values.
      for (const d of dims) if (!d.elimination) selected.set(d.id, { dim: d, codelist: null, codes: d.role === 'time' ? [d.values[d.values.length - 1].code] : [d.values[0].code] });
    }
    if (dims.some((d) => !d.elimination && !selected.has(d.id))) return send(res, 400, recordedError('Missing selection for mandantory variable', 400));
    const cells = [...selected.values()].reduce((a, s) => a * s.codes.length, 1);
    if (cells > enforceCells) return send(res, 400, PROBLEM('Too many cells selected', 400, 'Too many cells selected'));

    const seen = (faultsSeen.get(table.id) ?? 0) + 1;
    faultsSeen.set(table.id, seen);
    if (table.fault === 'rate-limit' && seen === 1) return send(res, 429, JSON.stringify({ title: 'Too many requests', status: 429, detail: 'You have reach the threshold for request limiting.' }), 'application/problem+json', { 'Retry-After': '1' });
    if (table.fault === 'unavailable' && seen === 1) return send(res, 503, 'Service Unavailable', 'text/plain');
    if (table.fault === 'drop' && seen === 1) return void res.socket?.destroy();
    // SSB's metadata and data can disagree while a table is being updated: the data answer refuses a code.
    if (table.fault === 'reject') return send(res, 400, recordedError('Non-existent value', 400), 'application/problem+json; charset=utf-8');
    if (table.fault === 'slow') await new Promise((r) => setTimeout(r, opts.slowMs ?? 3000));

    // The recorded real body, verbatim, for exactly the selection it answered.
    if (table.recorded && vintage === 0 && codelist.size === 0) {
      const want = table.recorded.selection;
      const same = Object.keys(want).length === selected.size && Object.entries(want).every(([id, codes]) => selected.get(id)?.codes.join(',') === codes.join(','));
      if (same) return send(res, 200, table.recorded.body);
    }
    send(res, 200, JSON.stringify(dataJson(table, vintage, selected, `${origin}${basePath}`)));
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const raw = req.url ?? '/';
    requests.push(raw);
    const url = new URL(raw, 'http://standin');
    if (req.method === 'OPTIONS') return send(res, 204, '', 'text/plain', { 'Access-Control-Allow-Methods': 'GET', 'Access-Control-Allow-Headers': '*' });
    if (url.pathname.startsWith('/__standin/')) {
      if (url.pathname === '/__standin/vintage') vintage = Number(url.searchParams.get('n') ?? '0');
      if (url.pathname === '/__standin/reset') {
        vintage = 0;
        refused = 0;
        requests.length = 0;
        stamps.length = 0;
        faultsSeen.clear();
      }
      // `/__standin/log` lists the API requests since the last reset (the controls themselves left out).
      const api = requests.filter((r) => !r.startsWith('/__standin/'));
      return send(res, 200, JSON.stringify({ vintage, refused, requests: url.pathname === '/__standin/log' ? api : api.length }));
    }
    if (raw.length > maxUrl) return send(res, 404, recorded?.notFoundHtml ?? '<!DOCTYPE html><html><head><title>404 - File or directory not found.</title></head></html>', 'text/html; charset=iso-8859-1');
    if (!url.pathname.startsWith(basePath)) return send(res, 404, PROBLEM('Not Found', 404));
    const path = url.pathname.slice(basePath.length).replace(/\/+$/, '');

    if (path === '/config') {
      return send(res, 200, JSON.stringify({
        apiVersion: '2.0.0', appVersion: 'stand-in', languages: [{ id: 'no', label: 'Norsk' }, { id: 'en', label: 'English' }], defaultLanguage: 'no',
        maxDataCells: maxCells, maxCallsPerTimeWindow: calls, timeWindow: windowMs / 1000, license: 'https://creativecommons.org/licenses/by/4.0/deed.no',
        defaultDataFormat: 'json-stat2', dataFormats: ['json-stat2'], features: [{ id: 'CORS', params: [{ key: 'enabled', value: 'True' }] }],
      }));
    }
    // Rate limit (the config endpoint is exempt, as in PxWebApi's appsettings EndpointWhitelist).
    const now = Date.now();
    while (stamps.length && stamps[0] <= now - windowMs) stamps.shift();
    if (stamps.length >= calls) {
      refused += 1;
      const retry = Math.ceil((stamps[0] + windowMs - now) / 1000);
      return send(res, 429, `API calls quota exceeded! maximum admitted ${calls} per ${windowMs / 1000}s.`, 'text/plain', { 'Retry-After': String(retry) });
    }
    stamps.push(now);

    if (path === '/tables') {
      const words = (url.searchParams.get('query') ?? '').toLowerCase().split(/\s+/).filter(Boolean);
      const hits = [...catalogue.values()].filter((t) => words.every((w) => `${t.id} ${t.label}`.toLowerCase().includes(w.replace(/\*$/, ''))));
      const pageSize = Number(url.searchParams.get('pageSize') ?? url.searchParams.get('pagesize') ?? 20) || 20;
      const pageNumber = Number(url.searchParams.get('pageNumber') ?? url.searchParams.get('pagenumber') ?? 1) || 1;
      const totalPages = Math.max(1, Math.ceil(hits.length / pageSize));
      if (pageNumber > totalPages) return send(res, 404, PROBLEM('Non-existent page', 404, 'Non-existent page'));
      return send(res, 200, JSON.stringify({
        language: 'no',
        tables: hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map(tableSummary),
        page: { pageNumber, pageSize, totalElements: hits.length, totalPages, links: [] },
        links: [],
      }));
    }
    let m = /^\/codelists\/([^/]+)$/.exec(path);
    if (m) {
      for (const t of catalogue.values()) for (const d of t.dims(vintage)) {
        const cl = d.codelists.find((c) => c.id === decodeURIComponent(m![1]));
        if (cl) return send(res, 200, JSON.stringify({ id: cl.id, label: cl.label, language: 'no', languages: ['no'], type: cl.type, values: cl.values, links: [] }));
      }
      return send(res, 404, PROBLEM('Non-existent codelist', 404));
    }
    m = /^\/tables\/([^/]+)(\/metadata|\/data)?$/.exec(path);
    if (!m) return send(res, 404, PROBLEM('Not Found', 404));
    const table = catalogue.get(decodeURIComponent(m[1]));
    if (!table) return send(res, m[2] === '/data' ? 400 : 404, recordedError('Non-existent table', 404));
    if (!m[2]) return send(res, 200, JSON.stringify({ language: 'no', ...tableSummary(table) }));
    if (m[2] === '/metadata') {
      const cls = codelistsFor(table, parseParams(url).codelist);
      if (typeof cls === 'string') return send(res, 400, PROBLEM(cls, 400));
      return send(res, 200, JSON.stringify(metadataJson(table, vintage, cls, `${origin}${basePath}`)));
    }
    void data(res, table, url);
  });

  const port = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
  origin = `http://${opts.host ?? '127.0.0.1'}:${port}`;
  return {
    api: `${origin}${basePath}`,
    port,
    requests,
    refused: () => refused,
    setVintage: (n) => void (vintage = n),
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections?.();
      server.close(() => resolve());
    }),
  };
}
