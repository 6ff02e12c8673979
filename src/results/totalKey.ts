/** Results of the total-key stage (src/worker/stages/totalKey.ts). */
import type { TotalKeyResult } from '../engine/costkey';

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
}
