/**
 * A start-up stage of its own (src/main.tsx): importing this evaluates the chunk of zod's core
 * (vite.config.ts), so the next stage evaluates only zod's classic API with the first spec section.
 * One name is enough: the chunk is evaluated whole.
 */
export { $ZodType } from 'zod/v4/core';
