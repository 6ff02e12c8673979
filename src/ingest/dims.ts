/**
 * Dimensions and variable names. A variable is one value column (a measure, e.g. "Persons") crossed
 * with one value of each dimension column (age 17, sex Males, function 244, art AGD10 …). Names are
 * safe identifiers built from the dimension values; labels keep the original text.
 */

/** Canonical `dims` keys of docs/CONTRACTS.md, in the order they appear in names. */
export const CANONICAL_DIMS = ['contents', 'function', 'art', 'scope', 'sex', 'age', 'measure'] as const;

const DIM_PATTERNS: [RegExp, string][] = [
  [/^kokfunksjon|funksjon|^function$/i, 'function'],
  [/^kokart|^art$|^arter?$|kontoart/i, 'art'],
  [/regnskapsomfa|regnskapsomfang|^scope$/i, 'scope'],
  [/^alder$|^age$|alder|^age\b/i, 'age'],
  [/^kj(?:ø|o)nn$|^sex$|^gender$|kj(?:ø|o)nn/i, 'sex'],
  [/^contentscode$|statistikkvariabel|^contents$|^statistic/i, 'contents'],
];

/** Maps a column header or JSON-stat dimension id to a canonical dims key (or a safe own key). */
export function dimKey(header: string): string {
  for (const [re, key] of DIM_PATTERNS) if (re.test(header.trim())) return key;
  return safeIdentifier(header) || 'dim';
}

/** `Persons 2015` → `persons`; `Frie inntekter (kr)` → `frie_inntekter_kr`; never empty, never a digit first. */
export function safeIdentifier(text: string, maxLength = 40): string {
  const folded = text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/\+/g, '_plus')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const cut = folded.length > maxLength ? folded.slice(0, maxLength).replace(/_+$/, '') : folded;
  return cut;
}

/**
 * Age labels: `17 år`, `17 years`, `1 year`, `105 years or older`, `105 år eller eldre`, `0-17 år`,
 * `90 år og over` → `17`, `105+`, `0-17`. Other text is returned trimmed.
 */
export function parseAge(label: string): string {
  const s = label.replace(/[\s\u00a0]+/g, ' ').trim();
  let m = /^(\d{1,3}) ?(?:år|years?|yrs?)? ?(?:eller eldre|og eldre|og over|or older|and over|or more|\+)$/i.exec(s);
  if (m && /eldre|over|older|more|\+/i.test(s)) return `${Number(m[1])}+`;
  m = /^(\d{1,3}) ?[-–] ?(\d{1,3}) ?(?:år|years?)?$/i.exec(s);
  if (m) return `${Number(m[1])}-${Number(m[2])}`;
  m = /^(\d{1,3}) ?(?:år|years?|yrs?)?$/i.exec(s);
  if (m) return String(Number(m[1]));
  return s;
}

/** KOSTRA regnskapsomfang A/B → konsern/kasse. */
export function parseScope(code: string, label: string): string {
  const c = code.trim().toUpperCase();
  if (c === 'A' || /konsern/i.test(label) || (/^kommuner\/fylkeskommuner$/i.test(label.trim()))) return 'konsern';
  if (c === 'B' || /kasse|eksl\. foretak/i.test(label)) return 'kasse';
  return code.trim();
}

/** Normalises a dimension value for its key (age text → `17`, scope A → `konsern`). */
export function dimValue(key: string, code: string, label: string = code): string {
  if (key === 'age') {
    // JSON-stat codes are `017` with label `17 år`; CSVs only have the label.
    const fromLabel = parseAge(label);
    return /^\d/.test(fromLabel) ? fromLabel : parseAge(code);
  }
  if (key === 'scope') return parseScope(code, label);
  return code.trim();
}

function namePart(key: string, value: string): string {
  const v = safeIdentifier(value, 30);
  switch (key) {
    case 'function':
      return `f${v}`;
    case 'age':
      return `age_${v}`;
    default:
      return v;
  }
}

/**
 * Builds the variable name from the measure and the dims, e.g. `persons_age_17`,
 * `belop_f100_agd10_konsern`.
 */
export function variableName(measure: string, dims: Record<string, string>): string {
  const parts: string[] = [];
  const m = safeIdentifier(measure, 40);
  if (m) parts.push(m);
  const keys = Object.keys(dims).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  for (const k of keys) {
    if (k === 'contents' && m) continue;
    if (k === 'measure') continue;
    const p = namePart(k, dims[k]);
    if (p) parts.push(p);
  }
  let name = parts.join('_') || 'verdi';
  if (/^[0-9]/.test(name)) name = `v_${name}`;
  return name;
}

function order(key: string): number {
  const i = (CANONICAL_DIMS as readonly string[]).indexOf(key);
  return i < 0 ? CANONICAL_DIMS.length : i;
}

/**
 * Makes `name` unique within `taken` by appending `_2`, `_3` … (and records it). `next` remembers
 * the next suffix per name, so thousands of variables with one name stay linear, not quadratic.
 */
export function uniqueName(name: string, taken: Set<string>, next?: Map<string, number>): string {
  let candidate = name;
  let k = next?.get(name) ?? 2;
  if (taken.has(candidate)) candidate = `${name}_${k}`;
  while (taken.has(candidate)) candidate = `${name}_${++k}`;
  if (candidate !== name) next?.set(name, k + 1);
  taken.add(candidate);
  return candidate;
}

const NON_ADDITIVE = /per (?:innbygger|capita|inhabitant|1 ?000|100 ?000|elev|bruker)|prosent|percent|%|andel|share|rate|indeks|index|gjennomsnitt|average|mean|median|ratio|forhold|kr per|per\b|pr\.? /i;

/** Counts and amounts can be summed over merged municipalities; rates, shares and indices cannot. */
export function isAdditive(...texts: (string | undefined)[]): boolean {
  return !texts.some((t) => t !== undefined && NON_ADDITIVE.test(t));
}
