/**
 * Region labels as SSB and users write them: `0301 Oslo`, `K-3001 Halden`, `3001 Halden (2020-2023)`,
 * `0101 - Halden` (with NBSP), `K.3101`, `301` (a code that lost its leading zero in Excel). Rows
 * that are not one municipality (the country, counties, KOSTRA groups, Svalbard, the continental
 * shelf, "K-Rest", `9999`, city districts) are recognised so they can be set aside and listed.
 */

export type RegionKind = 'municipality' | 'aggregate' | 'invalid';

export interface ParsedRegion {
  kind: RegionKind;
  /** 4-digit municipality code (municipality), or the code as written (aggregate). */
  code: string;
  name: string;
  /** Why an aggregate was set aside: country, county, kostra-group, svalbard, shelf, rest, unknown, district. */
  aggregate?: string;
  /** The code had lost its leading zero (`301` → `0301`, e.g. after a round trip through Excel). */
  padded?: boolean;
}

const WS = /[\s\u00a0\u202f]+/g;

export function cleanLabel(s: string): string {
  return s.replace(WS, ' ').trim();
}

const COUNTRY_NAMES = new Set([
  'hele landet',
  'landet',
  'landet uten oslo',
  'norge',
  'norway',
  'the whole country',
  'whole country',
  'i alt',
  'total',
  'alle kommuner',
]);

function stripValidity(name: string): string {
  // `Halden (2020-2023)`, `Rygge (-2019)`: the validity is not part of the name.
  return name.replace(/\s*\((?:\d{4})?\s*-\s*(?:\d{4})?\)\s*$/, '').trim();
}

function agg(code: string, name: string, aggregate: string): ParsedRegion {
  return { kind: 'aggregate', code, name, aggregate };
}

export function parseRegion(raw: string): ParsedRegion {
  const label = cleanLabel(raw);
  if (label === '') return { kind: 'invalid', code: '', name: '' };
  const lower = label.toLowerCase();
  if (COUNTRY_NAMES.has(lower)) return agg(label, label, 'country');
  // Statistikkbanken's special K- groups.
  let m = /^K[-.](Rest|21-22|23)\b\s*(.*)$/i.exec(label);
  if (m) {
    const kind = m[1].toLowerCase() === 'rest' ? 'rest' : m[1] === '23' ? 'shelf' : 'svalbard';
    return agg(`K-${m[1]}`, m[2] || label, kind);
  }
  // KOSTRA aggregates: EAK (country), EAKUO (country without Oslo), EKAnn (county), EKGnn (KOSTRA group).
  m = /^(EAK\w*|EKA\d+\w*|EKG\d+\w*|EKF\w*|EFA\w*|EAFK\w*)\b\s*(.*)$/.exec(label);
  if (m) {
    const code = m[1];
    const kind = code.startsWith('EKG') ? 'kostra-group' : code.startsWith('EKA') ? 'county' : 'country';
    return agg(code, m[2] || code, kind);
  }
  // City districts (bydeler): 6 digits, optionally letters (`030101a Gamle Oslo`).
  m = /^(\d{6}[a-z]*)\b\s*(.*)$/i.exec(label);
  if (m) return agg(m[1], m[2], 'district');
  m = /^(?:K[-.])?(\d{1,4})(?:\s*[-–]\s*|\s+|$)(.*)$/.exec(label);
  if (!m) return { kind: 'invalid', code: label, name: label };
  const digits = m[1];
  const name = stripValidity(m[2].trim());
  if (digits.length <= 2) {
    if (digits === '0' || digits === '00') return agg(digits, name || label, 'country');
    return agg(digits.padStart(2, '0'), name, 'county');
  }
  const code = digits.padStart(4, '0');
  if (code === '9999') return agg(code, name, 'unknown');
  // 21xx Svalbard, 22xx Jan Mayen, 23xx continental shelf: not municipalities.
  if (code.startsWith('21') || code.startsWith('22')) return agg(code, name, 'svalbard');
  if (code.startsWith('23')) return agg(code, name, 'shelf');
  if (code === '0000') return agg(code, name, 'country');
  return digits.length < 4 ? { kind: 'municipality', code, name, padded: true } : { kind: 'municipality', code, name };
}

/** Looks like a region label (used when proposing which column holds the municipality). */
export function looksLikeRegion(raw: string): boolean {
  const label = cleanLabel(raw);
  return /^(?:K[-.])?\d{3,4}(?:\s|$|\s*[-–])/.test(label) || /^(?:K[-.](?:Rest|21-22|23)|EAK|EKG\d|EKA\d)/.test(label);
}
