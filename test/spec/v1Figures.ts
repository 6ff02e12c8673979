/**
 * The figures the version-1 project test compares: a few numbers from every stage the migration
 * touches (cost key, total key, stability with its significance level, descriptives, explained
 * variance). Written so it also ran unchanged on the version-1 code that pinned the expected values.
 */
/* eslint-disable @typescript-eslint/no-explicit-any */
export function v1Figures(r: any): Record<string, number> {
  const out: Record<string, number> = {};
  const ck = r.costKey;
  for (const [k, v] of Object.entries(ck.proposed ?? {})) out[`costKey.proposed.${k}`] = v as number;
  for (const [k, v] of Object.entries(ck.current ?? {})) out[`costKey.current.${k}`] = v as number;
  const o = ck.outcome;
  out['costKey.outcome.change[0]'] = o.change[0];
  out['costKey.outcome.change[7]'] = o.change[7];
  out['costKey.outcome.phaseIn.length'] = o.phaseIn.length;
  const tk = r.totalKey.result;
  out['totalKey.ok'] = tk.ok ? 1 : 0;
  out['totalKey.index[0]'] = tk.index[0];
  out['totalKey.index[5]'] = tk.index[5];
  out['totalKey.change[3]'] = tk.change[3];
  out['totalKey.weight.s'] = tk.sectors[0].weight;
  const st = r.stability;
  out['stability.alpha'] = st.perYear.alpha;
  for (const c of st.perYear.criteria) out[`stability.nSignificant.${c.name}`] = c.nSignificant;
  out['stability.loyo'] = st.leaveOneYearOut ? st.leaveOneYearOut.rows?.length ?? 1 : 0;
  out['stability.bootstrap.B'] = st.bootstrap ? st.bootstrap.B ?? st.bootstrap.draws ?? 1 : 0;
  const d = r.describe;
  out['describe.variables'] = d.variables?.length ?? 0;
  const ex = r.explained;
  ex.relimp.criteria.forEach((c: string, j: number) => (out[`explained.lmg.${c}`] = ex.relimp.lmg[j]));
  return out;
}
