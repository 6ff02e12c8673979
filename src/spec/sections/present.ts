/** Spec section: presentation slides and export preferences. Owned by share and present. */
import { z } from 'zod';

export const presentSpecSchema = z.object({
  slides: z.array(z.object({ id: z.string(), kind: z.string(), title: z.string() })).default([]),
  csvStyle: z.enum(['nb', 'en']).default('nb'),
});
export type PresentSpec = z.infer<typeof presentSpecSchema>;
