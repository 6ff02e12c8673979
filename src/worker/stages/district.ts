/**
 * District stage (view «Bydeler»): each key's share of a city's budget between its districts
 * (share = Σ weight · district count / city count, per criterion) and the change from the current
 * to the proposed key with its phase-in. It reads only the `district` section, so editing the
 * districts never re-runs the cost key.
 */
import { districtChange, districtShares } from '../../engine/costkey';
import type { Problem } from '../../engine/problem';
import type { DistrictSpec } from '../../spec/sections/costkey';
import type { DistrictResults } from '../../results/district';
import { defineStage } from './types';

export function computeDistrict(d: DistrictSpec): DistrictResults | null {
  const districts = Object.keys(d.counts);
  if (districts.length === 0 || d.keys.length === 0) return null;
  const criteria = [...new Set(districts.flatMap((x) => Object.keys(d.counts[x])))];
  const counts = new Float64Array(districts.length * criteria.length);
  districts.forEach((x, i) => criteria.forEach((c, j) => (counts[i * criteria.length + j] = d.counts[x][c] ?? 0)));
  const problems: Problem[] = [];
  const keys = d.keys.map((k) => {
    const r = districtShares({ districts, criteria, counts }, k.weights);
    problems.push(...r.problems.map((p) => ({ ...p, where: { ...p.where, model: k.id } })));
    return { id: k.id, label: k.label, source: k.source, shares: r.shares };
  });
  const cur = keys.find((k) => k.id === d.currentKeyId);
  const prop = keys.find((k) => k.id === d.proposedKeyId);
  return {
    districts,
    criteria,
    keys,
    currentKeyId: d.currentKeyId,
    proposedKeyId: d.proposedKeyId,
    budget: d.budget,
    change: cur && prop ? districtChange(cur.shares, prop.shares, d.budget, d.phaseInYears) : null,
    problems,
  };
}

export const districtStage = defineStage({
  key: 'district',
  select: (spec) => spec.district,
  run: (ctx) => computeDistrict(ctx.input),
});
