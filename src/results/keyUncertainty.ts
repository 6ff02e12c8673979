/** Results of the key-uncertainty stage (src/worker/stages/keyUncertainty.ts). */
import type { KeyBootstrapResult } from '../engine/costkey/keyBootstrap';
import type { Problem } from '../engine/problem';

export interface KeyUncertaintyResults {
  enabled: boolean;
  /** Null when off, when the key does not come from a model (B, D) or when the bootstrap was refused. */
  result: KeyBootstrapResult | null;
  /** Unit codes in the order of the result's per-unit arrays (the cost key's `base.prep.units`). */
  units: string[];
  /** The model refitted in every replication, and the key the change is measured against. */
  modelLabel: string | null;
  currentLabel: string | null;
  problems: Problem[];
}
