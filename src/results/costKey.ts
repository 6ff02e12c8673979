/** Results of the cost-key stage (src/worker/stages/costkey.ts): weights by the chosen method, the
 *  proposed and today's key, and their redistribution over the municipalities. */
import type { CriterionChoice, CriterionFlag, KeyBase, KeyOutcome, KeyRecord, WeightsResult } from '../engine/costkey';
import type { Problem } from '../engine/problem';
import type { CostKeySpec } from '../spec/sections/costkey';

export interface CandidateKey {
  id: string;
  label: string;
  source: string;
  key: KeyRecord;
  sumOk: boolean;
  /** Change against the current key, kroner and kroner per inhabitant, per unit. */
  change: Float64Array;
  changePerCapita: Float64Array;
}

export interface CostKeyResults {
  problems: Problem[];
  method: CostKeySpec['method'];
  modelId: string | null;
  modelLabel: string | null;
  dependent: string | null;
  year: number | null;
  criteria: string[];
  /** Human labels of the criteria (variable labels), by name. */
  labels: Record<string, string>;
  national: Record<string, number>;
  yObsNational: number;
  yUnitNok: number;
  /** Weights as the method computes them (null without a usable model). */
  computed: WeightsResult | null;
  /** Method C: national spending per inhabitant of the whole service, ē_total (the bootstrap re-applies the rule). */
  totalPerCapita?: number;
  proposed: KeyRecord | null;
  /** Whether `proposed` is the user's edit (true) or the computed key. */
  edited: boolean;
  current: KeyRecord | null;
  currentLabel: string | null;
  /** Where today's key comes from: a published preset (the default where one exists), a saved key,
   *  a model (an explicit choice), the computed key (nothing chosen) or none (flat). */
  currentKind: 'published' | 'saved' | 'model' | 'computed' | 'none';
  /** Today's key described for every view that uses it (nb/en). */
  currentText: { nb: string; en: string };
  /** What an edited key is evaluated on in the browser without a worker round trip. */
  base: KeyBase | null;
  outcome: KeyOutcome | null;
  candidates: CandidateKey[];
  /** Criteria of the proposed key with a negative weight or an insignificant coefficient (as computed
   *  before any choice), with the choice in force; `choices` are those the method allows. */
  flags: FlaggedKeyCriterion[];
  choices: CriterionChoice[];
  /** The same flags on today's key when it is computed from a model (shown, no choices). */
  currentFlags: FlaggedKeyCriterion[];
  /** Criteria dropped from the model, which was estimated again without them. */
  refitted: string[];
}

export interface FlaggedKeyCriterion {
  criterion: string;
  weight: number;
  p?: number;
  flags: CriterionFlag[];
  choice: CriterionChoice;
}
