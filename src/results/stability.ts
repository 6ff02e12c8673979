/** Results of the stability stage (src/worker/stages/stability.ts). */
import type { Problem } from '../engine/problem';
import type { PerYearStability } from '../engine/stability/perYear';
import type { LeaveOneYearOut } from '../engine/stability/leaveOneYearOut';
import type { BootstrapResult } from '../engine/stability/bootstrap';

export interface StabilityResults {
  modelId: string | null;
  label: string;
  criteria: string[];
  perYear: PerYearStability | null;
  leaveOneYearOut: LeaveOneYearOut | null;
  bootstrap: BootstrapResult | null;
  problems: Problem[];
}
