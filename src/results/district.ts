/** Results of the district stage (src/worker/stages/district.ts): each key's shares of the budget
 *  between city districts and the change from the current to the proposed key. */
import type { districtChange } from '../engine/costkey';
import type { Problem } from '../engine/problem';

export interface DistrictResults {
  districts: string[];
  criteria: string[];
  keys: { id: string; label: string; source: string; shares: Float64Array }[];
  currentKeyId: string | null;
  proposedKeyId: string | null;
  budget: number;
  change: ReturnType<typeof districtChange> | null;
  problems: Problem[];
}
