/** Results of the stability stage (src/worker/stages/stability.ts). */
import type { Problem } from '../engine/problem';
import type { PerYearStability } from '../engine/stability/perYear';
import type { LeaveOneYearOut } from '../engine/stability/leaveOneYearOut';
import type { BootstrapResult } from '../engine/stability/bootstrap';
import type { EqualAcrossYears } from '../engine/stability/equalAcrossYears';

export interface StabilityResults {
  modelId: string | null;
  label: string;
  criteria: string[];
  perYear: PerYearStability | null;
  leaveOneYearOut: LeaveOneYearOut | null;
  bootstrap: BootstrapResult | null;
  /** Wald test per criterion that its coefficient is the same every year (Model 4 of Nordlandsforskning/HELED 2021, docs/REFERENCES.md). */
  equalAcrossYears?: EqualAcrossYears | null;
  problems: Problem[];
}
