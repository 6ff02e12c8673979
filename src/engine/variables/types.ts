/**
 * Types of the variable builder. The dataset is taken structurally (the fields buildVariables reads),
 * so the ingest module's `Dataset` and a CLI table with a hand-made catalogue both fit.
 */
import type { Problem } from '../problem';
import type { Table } from '../table';
import type { Coefficient, SeType } from '../model/types';

/** The catalogue fields the builder needs (a subset of ingest's `VariableInfo`). */
export interface CatalogueEntry {
  name: string;
  label: string;
  unit?: string;
  dims: Record<string, string>;
  /** File(s) the variable came from (ingest's catalogue has it; hand-made catalogues may not). */
  source?: string;
}

export interface DatasetLike {
  table: Table;
  catalogue: CatalogueEntry[];
}

export type DerivedKind =
  | 'expenditure'
  | 'ratio'
  | 'age-group'
  | 'formula'
  | 'residualised'
  | 'size-class'
  | 'grouping';

/** Summary of a numeric column, shown as a preview next to the definition. */
export interface ColumnPreview {
  n: number;
  nPresent: number;
  nMissing: number;
  /** Count per missing reason name (`suppressed`, `undefined` …) among missing rows. */
  missingByReason: Record<string, number>;
  min: number;
  max: number;
  mean: number;
}

/** The auxiliary regression of a residualised ("corrected") indicator. */
export interface AuxiliaryRegression {
  target: string;
  controls: string[];
  yearEffects: boolean;
  se: SeType;
  /** Coefficients of the controls (and the constant when reported by the fit). */
  coefficients: Coefficient[];
  r2: number;
  n: number;
  /** Rows left out for missing target or controls. */
  nDropped: number;
}

/** A type alias (not an interface) so it also fits loose `{ [key: string]: unknown }` shapes. */
export type DerivedVariableInfo = {
  /** Column name in the table (= the definition's id). */
  name: string;
  label: string;
  kind: DerivedKind;
  unit?: string;
  /** Variables the column was computed from. */
  inputs: string[];
  /** Human-readable recipe, e.g. `(F244 + F251 + F252: AGD10 − 590) / innbyggere × 1/1000`. */
  recipe: string;
  /** null for string groupings. */
  preview: ColumnPreview | null;
  auxiliary?: AuxiliaryRegression;
};

export interface BuildResult {
  table: Table;
  derived: DerivedVariableInfo[];
  problems: Problem[];
}
