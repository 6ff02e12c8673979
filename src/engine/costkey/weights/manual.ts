/**
 * Method D: weights typed in by the user or taken from a preset (today's keys as published). Nothing is
 * computed; the weights are checked (sum to one, negatives) so the UI can refuse a key that does not
 * add up.
 */
import { BASIC, type CriterionWeight, type KeyRecord, type WeightsResult } from '../types';
import { isSumOk, sumWeights, weightWarnings } from './checks';

export function manualWeights(criteria: string[], key: KeyRecord, dropped: string[] = []): WeightsResult {
  const drop = new Set(dropped);
  const rows: CriterionWeight[] = criteria.map((name) => ({
    name,
    weight: drop.has(name) ? 0 : (key[name] ?? 0),
    dropped: drop.has(name),
  }));
  const basic = key[BASIC] ?? 0;
  const sum = sumWeights(rows, basic);
  // A manual sum is typed by hand; allow rounding in the fourth decimal of published tables.
  return { method: 'manual', criteria: rows, basic, sum, sumOk: isSumOk(sum, 1e-6), warnings: weightWarnings(rows, basic) };
}

/** Parses "a=0.25,b=0.55" (CLI and presets). Throws on malformed parts. */
export function parseKeyString(text: string): KeyRecord {
  const out: KeyRecord = {};
  for (const part of text.split(',')) {
    const s = part.trim();
    if (!s) continue;
    const eq = s.indexOf('=');
    if (eq <= 0) throw new Error(`ugyldig vekt «${s}» / invalid weight "${s}" (expected name=value)`);
    const name = s.slice(0, eq).trim();
    const v = Number(s.slice(eq + 1).trim());
    if (!Number.isFinite(v)) throw new Error(`ugyldig tall i «${s}» / invalid number in "${s}"`);
    out[name] = v;
  }
  return out;
}

/** Completes a criteria-only key: the basic criterion takes whatever the criteria leave of 1. */
export function withBasicRemainder(criteria: string[], key: KeyRecord): KeyRecord {
  const out: KeyRecord = {};
  let s = 0;
  for (const c of criteria) {
    out[c] = key[c] ?? 0;
    s += out[c];
  }
  out[BASIC] = key[BASIC] ?? 1 - s;
  return out;
}
