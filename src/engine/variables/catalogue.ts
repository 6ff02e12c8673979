/**
 * Finding variables in the catalogue by their dimensions. Dimension values arrive in many spellings
 * (`244`, `244 Barnevernstjeneste`, `F244`; `AGD10 Brutto driftsutgifter`; `A Konsern`), so lookups
 * compare normalised codes, never raw labels.
 */
import type { CatalogueEntry } from './types';

/** KOSTRA function code: the first run of digits (`F244`, `244 Barnevern` → `244`). */
export function functionCode(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const m = /\d{3}/.exec(raw);
  return m ? m[0] : null;
}

/** KOSTRA art code: the first token, upper case (`AGD10 Brutto driftsutgifter` → `AGD10`). */
export function artCode(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const t = raw.trim().split(/[\s:]+/)[0];
  return t ? t.toUpperCase() : null;
}

/** Accounting scope: SSB's `A`/`B` codes and the words konsern/kasse. */
export function scopeCode(raw: string | undefined): 'konsern' | 'kasse' | null {
  if (raw === undefined) return null;
  const t = raw.trim().toLowerCase();
  if (t.includes('konsern') || t === 'a' || t.startsWith('a ')) return 'konsern';
  if (t.includes('kasse') || t === 'b' || t.startsWith('b ')) return 'kasse';
  return null;
}

/** Parsed age label: `17` → [17,17], `105+` / `105 år eller eldre` → [105, ∞], `0-17` → [0,17]. */
export function parseAge(raw: string | undefined): { from: number; to: number } | null {
  if (raw === undefined) return null;
  const t = raw.trim().toLowerCase();
  let m = /^(\d+)\s*(?:-|–)\s*(\d+)/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[2]) };
  m = /^(\d+)\s*(?:\+|år\s+eller\s+eldre|years?\s+or\s+older|år\s+og\s+over)/.exec(t);
  if (m) return { from: Number(m[1]), to: Infinity };
  m = /^(\d+)(?:\s*år)?$/.exec(t);
  if (m) return { from: Number(m[1]), to: Number(m[1]) };
  return null;
}

/** A sex dimension that means «both sexes» (or no sex dimension at all). */
export function isTotalSex(raw: string | undefined): boolean {
  if (raw === undefined) return true;
  const t = raw.trim().toLowerCase();
  return t === '0' || t === '' || t.includes('begge') || t.includes('both') || t.includes('total') || t.includes('i alt');
}

export interface AccountsQuery {
  functionCode: string;
  art: string;
  scope: 'konsern' | 'kasse';
}

export interface AccountsMatch {
  entry: CatalogueEntry | null;
  /** More than one candidate matched; the first was used. */
  ambiguous: CatalogueEntry[];
  /** The catalogue has no scope dimension for this function and art, so scope was not checked. */
  scopeUnchecked: boolean;
}

/** The accounts variable for one function × art × scope. */
export function findAccounts(catalogue: CatalogueEntry[], q: AccountsQuery): AccountsMatch {
  const candidates = catalogue.filter(
    (c) => functionCode(c.dims.function) === q.functionCode && artCode(c.dims.art) === q.art.toUpperCase(),
  );
  const withScope = candidates.filter((c) => scopeCode(c.dims.scope) === q.scope);
  const noScope = candidates.filter((c) => c.dims.scope === undefined);
  const pool = withScope.length ? withScope : noScope;
  return {
    entry: pool[0] ?? null,
    ambiguous: pool.length > 1 ? pool : [],
    scopeUnchecked: withScope.length === 0 && noScope.length > 0,
  };
}

/** Functions and arts present in the catalogue, for the builder's pickers. */
export function accountsOverview(catalogue: CatalogueEntry[]): {
  functions: string[];
  arts: string[];
  scopes: ('konsern' | 'kasse')[];
} {
  const functions = new Set<string>();
  const arts = new Set<string>();
  const scopes = new Set<'konsern' | 'kasse'>();
  for (const c of catalogue) {
    const f = functionCode(c.dims.function);
    const a = artCode(c.dims.art);
    if (f) functions.add(f);
    if (a) arts.add(a);
    const s = scopeCode(c.dims.scope);
    if (s) scopes.add(s);
  }
  return { functions: [...functions].sort(), arts: [...arts].sort(), scopes: [...scopes].sort() };
}
