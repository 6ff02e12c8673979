/**
 * The municipalities a report compares with: the k nearest in population (on a log scale, so 2 000
 * is as near to 4 000 as 20 000 is to 40 000) within the same group (size class or KOSTRA group),
 * then sorted by the change per inhabitant, the municipality itself among them. Selection only.
 */
export function nearestPeers(
  population: ArrayLike<number>,
  groups: readonly string[] | null,
  i: number,
  changePerCapita: ArrayLike<number>,
  k = 5,
): number[] {
  const own = Math.log(population[i]);
  const candidates: { j: number; d: number }[] = [];
  for (let j = 0; j < population.length; j++) {
    if (j === i || !(population[j] > 0)) continue;
    if (groups && groups[j] !== groups[i]) continue;
    candidates.push({ j, d: Math.abs(Math.log(population[j]) - own) });
  }
  // Ties broken by position, so the list is the same on every run.
  candidates.sort((a, b) => a.d - b.d || a.j - b.j);
  const chosen = [i, ...candidates.slice(0, k).map((c) => c.j)];
  return chosen.sort((a, b) => changePerCapita[a] - changePerCapita[b] || a - b);
}
