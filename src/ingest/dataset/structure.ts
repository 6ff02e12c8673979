/**
 * The municipality-structure step: maps every code to the chosen structure (2020 or 2024), using
 * the built-in table and, when given, a Klass change table the user uploaded (applied first).
 * Codes that were split between municipalities, or that the tables do not know, are unmatched.
 */
import type { ChangeTable, SplitPart } from '../changeTable';
import { builtInStructure } from '../reforms/index';
import type { DataSpec } from '../../spec/sections/data';

export interface CodeMapper {
  /** Target code, or null when the code cannot be placed (split or unknown). */
  map(code: string): string | null;
  /** Why `map` returned null. */
  reason(code: string): 'split' | 'unknown';
  name(code: string): string | undefined;
  /** Why a code is left out because of a split (built-in tables), with the municipalities it concerns. */
  part(code: string): SplitPart | undefined;
  active: boolean;
}

export function codeMapper(structure: DataSpec['structure'], uploaded: ChangeTable | null): CodeMapper {
  const base = structure === 'none' ? null : builtInStructure(structure);
  const pre = uploaded;
  const step = (code: string): string | null => {
    let c = code;
    if (pre) {
      if (pre.split.has(c)) return null;
      c = pre.map.get(c) ?? c;
    }
    if (!base) return c;
    if (base.split.has(c)) return null;
    if (base.targets.has(c)) return c;
    const m = base.map.get(c);
    return m ?? null;
  };
  return {
    active: base !== null || pre !== null,
    map: step,
    reason(code) {
      const c = pre?.map.get(code) ?? code;
      return pre?.split.has(code) || base?.split.has(c) ? 'split' : 'unknown';
    },
    name(code) {
      return base?.names.get(code) ?? pre?.names.get(code);
    },
    part(code) {
      return base?.parts?.get(pre?.map.get(code) ?? code);
    },
  };
}
