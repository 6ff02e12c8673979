/** Results of the total-key stage (src/worker/stages/totalKey.ts). */
import type { SectorCoverage, TotalKeyResult } from '../engine/costkey';

export interface SectorSourceText {
  nb: string;
  en: string;
}

export interface TotalKeyResults {
  /** The spec has at least one sector. */
  configured: boolean;
  result: TotalKeyResult | null;
  /** Readable description of each sector's source and «before» source (same order as the sectors). */
  sources: { id: string; source: SectorSourceText; compareWith: SectorSourceText | null }[];
  /** Against the sector weights of the real cost key: the sectors this total key lacks and what that
   *  does to the weights (null when no preset of sector weights matches or none is missing). */
  coverage: SectorCoverage | null;
}
