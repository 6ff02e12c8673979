/**
 * PxWebApi v2 error answers in plain Norwegian, with the table and the query they came from. The API
 * answers `application/problem+json` (`{"type":"Parameter error","title":"Non-existent value",
 * "status":400}`; titles from PxTools/PxWebApi PxWeb/Helper/Api2/ProblemUtility.cs, the same bodies as
 * the recorded real error answers of tables 12134 and Klass 131, docs/REFERENCES.md «Real files»); an
 * over-long GET URL gets the web server's HTML 404 page instead.
 */
import { problem, type Problem } from '../engine/problem';

export type SsbErrorKind = 'api' | 'offline' | 'cancelled' | 'rate-limit' | 'unavailable' | 'too-many-cells' | 'bad-answer';

/** A failed request, carrying the problem to show. */
export class SsbError extends Error {
  constructor(
    readonly kind: SsbErrorKind,
    readonly problem: Problem,
    readonly status?: number,
  ) {
    super(problem.messageEn);
  }
}

export interface RequestContext {
  tableId?: string;
  url: string;
}

const KNOWN: Record<string, [string, string]> = {
  'non-existent table': ['tabellen finnes ikke i Statistikkbanken', 'the table does not exist in Statistikkbanken'],
  'non-existent value': ['en verdikode i utvalget finnes ikke i tabellen', 'a value code in the selection does not exist in the table'],
  'non-existent variable': ['en dimensjon i utvalget finnes ikke i tabellen', 'a dimension in the selection does not exist in the table'],
  'non-existent codelist': ['kodelista finnes ikke for denne tabellen', 'the code list does not exist for this table'],
  'missing selection for mandantory variable': ['en dimensjon som må være med, mangler i utvalget', 'a dimension that must be selected is missing'],
  'illegal selection for mandantory variable': ['utvalget for en dimensjon som må være med, er ugyldig', 'the selection of a mandatory dimension is invalid'],
  'illegal selection expression': ['et uttrykk i utvalget (f.eks. top(5)) er ugyldig', 'an expression in the selection (e.g. top(5)) is invalid'],
  'illegal placment': ['plasseringen av dimensjonene er ugyldig', 'the placement of the dimensions is invalid'],
  'too many cells selected': ['utvalget har for mange celler for én spørring', 'the selection has too many cells for one request'],
  'unsupported output format': ['utformatet støttes ikke', 'the output format is not supported'],
  'non-existent page': ['siden i søkeresultatet finnes ikke', 'the page of search results does not exist'],
  'too many requests': ['for mange spørringer på kort tid', 'too many requests in a short time'],
};

/** The query part of a URL, shortened for a message (the full URL stays in the provenance). */
export function queryText(url: string, max = 400): string {
  const q = url.includes('?') ? url.slice(url.indexOf('?') + 1) : url;
  let text = q;
  try {
    text = decodeURIComponent(q);
  } catch {
    // Leave an undecodable query as it is.
  }
  return text.length > max ? `${text.slice(0, max)} …` : text;
}

function where(ctx: RequestContext): string {
  return ctx.tableId ? `tabell ${ctx.tableId}` : 'SSB';
}

function whereEn(ctx: RequestContext): string {
  return ctx.tableId ? `table ${ctx.tableId}` : 'SSB';
}

/** The `title` of a problem+json body, or null when the body is not one. */
export function problemTitle(body: string): string | null {
  try {
    const doc = JSON.parse(body) as unknown;
    if (doc && typeof doc === 'object' && typeof (doc as { title?: unknown }).title === 'string') return (doc as { title: string }).title;
  } catch {
    return null;
  }
  return null;
}

export function isTooManyCells(status: number, body: string): boolean {
  return (status === 400 || status === 403) && /too many cells/i.test(problemTitle(body) ?? body.slice(0, 300));
}

export function apiError(status: number, body: string, ctx: RequestContext): SsbError {
  const title = problemTitle(body);
  const known = title ? KNOWN[title.trim().toLowerCase()] : undefined;
  const q = queryText(ctx.url);
  const looksHtml = /^\s*</.test(body);
  let nb: string;
  let en: string;
  if (known) {
    nb = `SSB avviste spørringen mot ${where(ctx)}: ${known[0]} («${title}», HTTP ${status}).`;
    en = `SSB rejected the request for ${whereEn(ctx)}: ${known[1]} ("${title}", HTTP ${status}).`;
  } else if (looksHtml && status === 404) {
    nb = `SSB svarte med en feilside (HTTP 404) for ${where(ctx)}. Som regel betyr det at adressen ble for lang eller at tabellnummeret er feil.`;
    en = `SSB answered with an error page (HTTP 404) for ${whereEn(ctx)}. This usually means the address was too long or the table number is wrong.`;
  } else {
    const text = title ?? (looksHtml ? 'feilside' : body.trim().slice(0, 200) || 'tomt svar');
    nb = `SSB svarte HTTP ${status} for ${where(ctx)}: ${text}.`;
    en = `SSB answered HTTP ${status} for ${whereEn(ctx)}: ${text}.`;
  }
  const kind: SsbErrorKind = isTooManyCells(status, body) ? 'too-many-cells' : status === 429 ? 'rate-limit' : status === 503 ? 'unavailable' : 'api';
  return new SsbError(kind, problem(`ssb-http-${status}`, `${nb} Spørring: ${q}`, `${en} Query: ${q}`), status);
}

export function offlineError(ctx: RequestContext, detail: string): SsbError {
  return new SsbError(
    'offline',
    problem(
      'ssb-offline',
      `Får ikke kontakt med SSB (${hostOf(ctx.url)}): ${detail}. Sjekk nettverket og prøv igjen. Data som allerede er lastet inn, er uendret.`,
      `Cannot reach SSB (${hostOf(ctx.url)}): ${detail}. Check the network and try again. Data already loaded are unchanged.`,
    ),
  );
}

export function gaveUpError(ctx: RequestContext, status: number, attempts: number): SsbError {
  const nb = status === 429 ? 'for mange spørringer (HTTP 429)' : `tjenesten er utilgjengelig (HTTP ${status})`;
  const en = status === 429 ? 'too many requests (HTTP 429)' : `the service is unavailable (HTTP ${status})`;
  return new SsbError(
    status === 429 ? 'rate-limit' : 'unavailable',
    problem(
      `ssb-gave-up-${status}`,
      `SSB svarte ${nb} ${attempts} ganger for ${where(ctx)}; hentingen ble stoppet. Prøv igjen om en stund. Data som allerede er lastet inn, er uendret. Spørring: ${queryText(ctx.url)}`,
      `SSB answered ${en} ${attempts} times for ${whereEn(ctx)}; fetching stopped. Try again later. Data already loaded are unchanged. Query: ${queryText(ctx.url)}`,
    ),
    status,
  );
}

export function cancelledError(): SsbError {
  return new SsbError('cancelled', problem('ssb-cancelled', 'Hentingen fra SSB ble avbrutt. Data som allerede er lastet inn, er uendret.', 'Fetching from SSB was cancelled. Data already loaded are unchanged.', undefined, 'info'));
}

export function badAnswerError(ctx: RequestContext, what: string, whatEn: string): SsbError {
  return new SsbError(
    'bad-answer',
    problem('ssb-bad-answer', `SSB svarte uventet for ${where(ctx)}: ${what}. Spørring: ${queryText(ctx.url)}`, `SSB gave an unexpected answer for ${whereEn(ctx)}: ${whatEn}. Query: ${queryText(ctx.url)}`),
  );
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
