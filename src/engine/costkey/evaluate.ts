/**
 * One evaluation of a proposed key against a current key: both indices, need, equalisation and the
 * change, plus the identity checks. Both the worker stage and the CLI go through here.
 */
import { keyVector, needIndex } from './needIndex';
import type { PreparedCriteria } from './prepare';
import { redistribute, type Redistribution } from './redistribution';
import type { KeyRecord } from './types';

export interface KeyEvaluation extends Redistribution {
  index: Float64Array;
  indexCurrent: Float64Array;
}

export function evaluateKey(prep: PreparedCriteria, proposed: KeyRecord, current: KeyRecord | null, perCapitaNok: number): KeyEvaluation {
  const p = keyVector(prep, proposed);
  const index = needIndex(prep, p.basic, p.weights);
  // Without a current key the change is measured against a flat per-capita key (index 1 everywhere).
  let indexCurrent: Float64Array;
  if (current) {
    const c = keyVector(prep, current);
    indexCurrent = needIndex(prep, c.basic, c.weights);
  } else indexCurrent = new Float64Array(index.length).fill(1);
  return { index, indexCurrent, ...redistribute(prep, index, indexCurrent, perCapitaNok) };
}
