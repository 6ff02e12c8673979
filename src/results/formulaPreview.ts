/** What the worker answers to a formula preview (the variable builder shows it while the user types). */
import type { Problem } from '../engine/problem';
import type { ColumnPreview } from '../engine/variables/types';

export type FormulaPreviewResult = { ok: true; preview: ColumnPreview } | { ok: false; problem: Problem };
