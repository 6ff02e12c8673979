import { describe, expect, it } from 'vitest';
import { nearestPeers } from './peers';

describe('nearestPeers', () => {
  const pop = [1000, 2100, 900, 50000, 1500, 1200, 800, 3000, 1100];
  const change = [0, 5, -3, 9, 2, -1, 7, -8, 4];
  it('takes the five nearest in population and sorts them with the municipality by change', () => {
    const out = nearestPeers(pop, null, 0, change);
    expect(out).toHaveLength(6);
    expect(out).toContain(0);
    expect(out).not.toContain(3); // 50 000 is far from 1 000
    const changes = out.map((j) => change[j]);
    expect([...changes].sort((a, b) => a - b)).toEqual(changes);
  });
  it('stays inside the group', () => {
    const groups = ['a', 'b', 'a', 'a', 'b', 'a', 'b', 'b', 'b'];
    const out = nearestPeers(pop, groups, 0, change);
    expect(out.every((j) => groups[j] === 'a')).toBe(true);
    expect(out).toHaveLength(4);
  });
});
