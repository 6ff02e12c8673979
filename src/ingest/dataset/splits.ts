/**
 * Municipalities the structure step leaves out because of a split, listed per year instead of
 * silently. SSB's 2024 grouping (kommuner 1994–2024) puts the divided municipalities (5012
 * Snillfjord, 1850 Tysfjord) and the older codes of those that took in parts of them (Hitra,
 * Orkdal, Hemne, Narvik, Hamarøy …) in «K.Rest»: their series before the split are not comparable
 * with the later ones. So in the 2024 structure Heim, Hitra, Orkland, Narvik and Hamarøy have no
 * rows before 2020; in the 2020 structure they are kept, but their figures before 2020 lack the
 * part they took in. Both are reported here, per year, with the reason.
 */
import { problem, type Problem } from '../../engine/problem';
import type { SplitGap } from '../types';
import type { CodeMapper } from './structure';

export interface SplitInput {
  /** Per data source: its unit codes, target ids (−1 = left out) and the years each unit has data. */
  sources: { units: string[]; names: string[]; tid: Int32Array; yearsOf(unit: number): Iterable<number> }[];
  mapper: CodeMapper;
  /** Whether the final table has a row for (target code, year). */
  hasRow(code: string, year: number): boolean;
  structure: string;
}

export function compactYears(years: number[]): string {
  const ys = [...new Set(years)].sort((a, b) => a - b);
  const out: string[] = [];
  for (let i = 0; i < ys.length; ) {
    let j = i;
    while (j + 1 < ys.length && ys[j + 1] === ys[j] + 1) j++;
    out.push(j === i ? String(ys[i]) : `${ys[i]}–${ys[j]}`);
    i = j + 1;
  }
  return out.join(', ');
}

export function splitGaps(input: SplitInput): { gaps: SplitGap[]; explained: Set<string>; problems: Problem[] } {
  const { mapper } = input;
  const byYear = new Map<number, Map<string, SplitGap['codes'][number]>>();
  const explained = new Set<string>();
  const name = (c: string) => mapper.name(c) ?? mapper.part(c)?.name ?? '';
  const named = (cs: string[]) => cs.map((code) => ({ code, name: name(code) }));
  for (const s of input.sources) {
    s.units.forEach((code, u) => {
      if (s.tid[u] >= 0) return;
      const part = mapper.part(code);
      if (!part) return;
      explained.add(code);
      for (const year of s.yearsOf(u)) {
        const m = byYear.get(year) ?? new Map();
        if (!m.has(code)) m.set(code, { code, name: s.names[u] || part.name, kind: part.kind, into: named(part.into), splitFrom: named(part.splitFrom) });
        byYear.set(year, m);
      }
    });
  }
  const gaps: SplitGap[] = [...byYear.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const codes = [...(byYear.get(year) as Map<string, SplitGap['codes'][number]>).values()].sort((a, b) => a.code.localeCompare(b.code));
      const targets = [...new Set(codes.flatMap((c) => c.into.map((t) => t.code)))].sort();
      return {
        year,
        codes,
        missingTargets: targets.filter((t) => !input.hasRow(t, year)).map((code) => ({ code, name: name(code) })),
        partialTargets: targets.filter((t) => input.hasRow(t, year)).map((code) => ({ code, name: name(code) })),
      };
    });
  const problems: Problem[] = [];
  const missing = new Map<string, number[]>();
  const partial = new Map<string, number[]>();
  const splitCodes = new Set<string>();
  for (const g of gaps) {
    for (const t of g.missingTargets) missing.set(`${t.code} ${t.name}`, [...(missing.get(`${t.code} ${t.name}`) ?? []), g.year]);
    for (const t of g.partialTargets) partial.set(`${t.code} ${t.name}`, [...(partial.get(`${t.code} ${t.name}`) ?? []), g.year]);
    for (const c of g.codes) for (const sc of c.splitFrom) splitCodes.add(`${sc.code} ${sc.name}`.trim());
  }
  const splitText = [...splitCodes].sort().join(', ');
  if (missing.size > 0) {
    const years = compactYears([...missing.values()].flat());
    const list = [...missing.keys()].join(', ');
    problems.push(
      problem(
        'split-left-out',
        `Kommunestruktur ${input.structure}: ${list} har ingen tall for ${years}. De fikk deler av kommuner som ble delt (${splitText}), og SSB fører ingen sammenhengende serie for dem før delingen. Listen per år står under Kommunestruktur.`,
        `Municipality structure ${input.structure}: ${list} have no figures for ${years}. They took in parts of divided municipalities (${splitText}), and SSB keeps no continuous series for them before the split. The list per year is under Municipality structure.`,
        { unit: [...missing.keys()][0].split(' ')[0] },
        'warning',
      ),
    );
  }
  if (partial.size > 0) {
    const years = compactYears([...partial.values()].flat());
    const list = [...partial.keys()].join(', ');
    problems.push(
      problem(
        'split-partial',
        `Kommunestruktur ${input.structure}: tallene for ${list} i ${years} mangler den delen av ${splitText} de fikk ved delingen; den delte kommunen er holdt utenfor. Listen per år står under Kommunestruktur.`,
        `Municipality structure ${input.structure}: the figures for ${list} in ${years} lack the part of ${splitText} they took in at the split; the divided municipality is left out. The list per year is under Municipality structure.`,
        { unit: [...partial.keys()][0].split(' ')[0] },
        'info',
      ),
    );
  }
  return { gaps, explained, problems };
}
