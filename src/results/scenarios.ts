/** Results of the scenarios stage (src/worker/stages/scenarios.ts): every scenario's index and change
 *  against the key in force, per municipality, on one shared base. */
import type { GroupKind, ScenarioOutcome } from '../engine/costkey';
import type { Problem } from '../engine/problem';
import type { SectorSourceText } from './totalKey';

export interface ScenarioResult {
  id: string;
  label: string;
  /** Where the key comes from, in words (nb and en). */
  source: SectorSourceText;
  /** Null when the key could not be made (the reason is in `problems`). */
  outcome: ScenarioOutcome | null;
  problems: Problem[];
}

export interface ScenariosResults {
  /** The spec has at least one scenario. */
  configured: boolean;
  /** The key in force every change is measured against (null: a flat key, index 1). */
  reference: { label: string | null; flat: boolean };
  /** Key year, U (kroner per inhabitant) and the units compared, in the order of every per-unit array. */
  year: number | null;
  perCapitaNok: number;
  units: string[];
  names: string[];
  population: Float64Array;
  /** Index under the key in force. */
  indexCurrent: Float64Array;
  groups: Record<GroupKind, string[] | null>;
  scenarios: ScenarioResult[];
  /** 1 where a unit gains under one scenario and loses under another. */
  signDiffers: Uint8Array;
  /** A change per inhabitant within ± this (kroner) is no change (engine `signTolerance`). */
  signTolerance: number;
  problems: Problem[];
}
