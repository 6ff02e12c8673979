/**
 * What the user is looking at, as opposed to what is computed: the chosen municipality, the grouping
 * of the redistribution table, the slide set, the CSV style. Not part of the AnalysisSpec, so no
 * worker stage can read it and changing it never re-runs anything. The store keeps it
 * (`src/store/uiStore.ts`, autosaved next to the spec); project files carry it beside the spec.
 * The schema lives here because spec version 1 held these fields and `migrate.ts` moves them out.
 */
import { z } from 'zod';

export const slideSchema = z.object({ id: z.string(), kind: z.string(), title: z.string() });
export type Slide = z.infer<typeof slideSchema>;

export const groupKinds = ['size-class', 'county', 'kostra-group'] as const;

export const viewStateSchema = z.object({
  /** Municipality code shown in «Min kommune» and marked in the redistribution and total-key views. */
  myMunicipality: z.string().nullable().default(null),
  /** Grouping of the redistribution view's group sums. */
  redistributionGroupBy: z.enum(groupKinds).default('size-class'),
  /** The presentation's slides in order; [] = the default set. */
  slides: z.array(slideSchema).default(() => []),
  /** Decimal comma and semicolons (`nb`) or point and commas (`en`) in exported CSV. */
  csvStyle: z.enum(['nb', 'en']).default('nb'),
});
export type ViewState = z.infer<typeof viewStateSchema>;

export function defaultViewState(): ViewState {
  return structuredClone(viewStateSchema.parse({}));
}

/** Reads a saved view state field by field: a bad field falls back to its default, the rest is kept. */
export function readViewState(raw: unknown): Partial<ViewState> {
  if (typeof raw !== 'object' || raw === null) return {};
  const out: Record<string, unknown> = {};
  const shape = viewStateSchema.shape;
  for (const key of Object.keys(shape) as (keyof ViewState)[]) {
    if (!(key in raw)) continue;
    const parsed = shape[key].safeParse((raw as Record<string, unknown>)[key]);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<ViewState>;
}
