/**
 * Splitting a selection over the API's limits: at most `maxDataCells` cells per request (read from
 * `/config`, SSB: 800 000) and a GET URL short enough for the server (SSB's user guide §13 via
 * statisticsnorway/ssb-pxwebapidata R/query_url.R: about 2 100 characters, longer URLs answer
 * HTTP 404 — a recorded real session showed such a 404 page for all municipalities in one
 * URL). The largest dimension is cut into consecutive runs of codes; a run that is still too big is
 * cut again on the next dimension, so every part is a rectangular block of the whole selection and the
 * parts reassemble cell for cell (merge.ts).
 */
import { cellCount, dataUrl, type DataRequest } from './query';

/** SSB PxWebApi v2 user guide, «Kjente mangler»: GET URLs longer than about 2 100 characters fail. */
export const DEFAULT_MAX_URL_LENGTH = 2100;

export interface SplitLimits {
  maxCells: number;
  maxUrlLength: number;
  api: string;
}

function withCodes(req: DataRequest, dim: string, codes: string[]): DataRequest {
  // Explicit codes from here on: the part's URL must name exactly its block.
  return { ...req, dims: req.dims.map((d) => (d.variableCode === dim ? { variableCode: d.variableCode, codelist: d.codelist, codes } : d)) };
}

export function fits(req: DataRequest, limits: SplitLimits): boolean {
  return cellCount(req) <= limits.maxCells && dataUrl(limits.api, req).length <= limits.maxUrlLength;
}

export function splitRequest(req: DataRequest, limits: SplitLimits): DataRequest[] {
  if (fits(req, limits)) return [req];
  const dim = [...req.dims].filter((d) => d.codes.length > 1).sort((a, b) => b.codes.length - a.codes.length)[0];
  // One cell per dimension left and still too big: nothing more to split (the caller reports it).
  if (!dim) return [req];
  const cellsPerCode = cellCount(req) / dim.codes.length;
  const base = dataUrl(limits.api, withCodes(req, dim.variableCode, [])).length;
  const runs: string[][] = [];
  let run: string[] = [];
  let urlLength = base;
  for (const code of dim.codes) {
    const extra = encodeURIComponent(code).length + (run.length ? 1 : 0);
    const overCells = (run.length + 1) * cellsPerCode > limits.maxCells;
    const overUrl = urlLength + extra > limits.maxUrlLength;
    // Never keep the whole dimension in one run, or the recursion would not make progress.
    const whole = run.length + 1 === dim.codes.length;
    if (run.length > 0 && (overCells || overUrl || whole)) {
      runs.push(run);
      run = [];
      urlLength = base;
    }
    run.push(code);
    urlLength += encodeURIComponent(code).length + (run.length > 1 ? 1 : 0);
  }
  if (run.length) runs.push(run);
  return runs.flatMap((codes) => splitRequest(withCodes(req, dim.variableCode, codes), limits));
}

/** Halves the largest dimension (after a «Too many cells selected» answer); null when nothing to halve. */
export function bisect(req: DataRequest): [DataRequest, DataRequest] | null {
  const dim = [...req.dims].filter((d) => d.codes.length > 1).sort((a, b) => b.codes.length - a.codes.length)[0];
  if (!dim) return null;
  const mid = Math.ceil(dim.codes.length / 2);
  return [withCodes(req, dim.variableCode, dim.codes.slice(0, mid)), withCodes(req, dim.variableCode, dim.codes.slice(mid))];
}
