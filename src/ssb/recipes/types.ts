/**
 * Recipes: the standard SSB data set of a sector analysis as a list of items, each one table and a
 * rule per dimension. Nothing here is trusted blindly: table numbers and codes are checked against the
 * table's metadata when the recipe runs (resolve.ts), and whatever is not there is listed by name.
 */
import type { VariablesSpec } from '../../spec/sections/variables';
import type { ModelEntry } from '../../spec/sections/models';

export interface Named {
  nb: string;
  en: string;
}

export interface WantedCode {
  code: string;
  name: Named;
}

export type DimRule =
  /** These codes, each required (a missing one is listed and the item is not fetched), and optional
   *  ones the recipe uses when present (e.g. depreciation; a missing one is listed, the rest goes on). */
  | { kind: 'codes'; codes: WantedCode[]; optional?: WantedCode[] }
  /** The first value whose label matches (the statistic of a criterion table). */
  | { kind: 'label'; pattern: RegExp; name: Named }
  /** Left out (summed by SSB); the table must allow it. */
  | { kind: 'eliminate' }
  /** Every value. */
  | { kind: 'all' };

export interface RecipeItem {
  key: string;
  name: Named;
  /** A known table number, checked against `titlePattern` in its metadata. */
  table?: string;
  /** Words for the table search when no table number is known (or the known one is not there). */
  search?: string;
  /** The table's title must match (guards against a renumbered or replaced table). */
  titlePattern: RegExp;
  /**
   * Rule per dimension, matched on the dimension id. Municipalities (all of them, as merged series when
   * the table offers such a code list) and the latest years are chosen without a rule; other
   * dimensions without one are left out where the table allows it.
   */
  dims: { match: RegExp; rule: DimRule }[];
  /** Variable names of the fetched data start with this (the mapping's variable prefix). */
  prefix: string;
}

/** What a recipe fetched, for building the variable definitions and the model. */
export interface Found {
  /** Keys of the items fetched. */
  items: Set<string>;
  /** Optional codes found, by item key (e.g. `utgifter` → ['590']). */
  optional: Map<string, string[]>;
  /** Statistic (contents code) chosen, by item key (filters of age groups, criteria). */
  contents: Map<string, string>;
}

export interface Recipe {
  id: string;
  name: Named;
  /** KOSTRA functions of the expenditure. */
  functions: string[];
  items: RecipeItem[];
  /** Variable-builder definitions and the model, given what was found. */
  build(found: Found): { variables: Partial<VariablesSpec>; models: ModelEntry[]; title: string };
}
