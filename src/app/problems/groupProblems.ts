/**
 * Messages grouped for reading: one line per file and kind (`code`), with how many there are, so 107
 * «several population variables for age N» become one line with «107» and a «show all» toggle.
 * Errors come first, then warnings; routine notes (severity `info`: aggregates set aside, rates
 * recomputed, quarters combined, codes padded …) are counted separately and shown collapsed.
 */
import type { Problem } from '../../engine/problem';

export interface ProblemGroup {
  /** Stable key: file and code. */
  key: string;
  file: string | null;
  code: string;
  severity: Problem['severity'];
  /** The group's problems, first one first (its message is the group's line). */
  problems: Problem[];
}

export interface GroupedProblems {
  /** Errors, then warnings; within each, by file (messages without a file first), then first appearance. */
  main: ProblemGroup[];
  /** Routine notes (severity info), same order. */
  routine: ProblemGroup[];
  total: number;
}

const RANK: Record<Problem['severity'], number> = { error: 0, warning: 1, info: 2 };

/** The same finding can arrive twice (from the import and from the dataset build): counted once. The
 *  same text about another place (a criterion, a year) is another finding and stays. */
function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.code}\u0000${p.message}\u0000${JSON.stringify(p.where ?? {})}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

export function groupProblems(problems: Problem[]): GroupedProblems {
  const unique = dedupe(problems);
  const groups = new Map<string, ProblemGroup>();
  const order: string[] = [];
  for (const p of unique) {
    const file = p.where?.file ?? null;
    const key = `${file ?? ''}\u0000${p.code}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, file, code: p.code, severity: p.severity, problems: [] };
      groups.set(key, g);
      order.push(key);
    }
    g.problems.push(p);
    // A group is as serious as its worst member.
    if (RANK[p.severity] < RANK[g.severity]) g.severity = p.severity;
  }
  const all = order.map((k) => groups.get(k) as ProblemGroup);
  const byFile = (a: ProblemGroup, b: ProblemGroup) => RANK[a.severity] - RANK[b.severity] || (a.file ?? '').localeCompare(b.file ?? '');
  // Array.prototype.sort is stable, so first appearance decides ties.
  const sorted = [...all].sort(byFile);
  return {
    main: sorted.filter((g) => g.severity !== 'info'),
    routine: sorted.filter((g) => g.severity === 'info'),
    total: unique.length,
  };
}
