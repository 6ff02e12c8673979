/**
 * Imported first by the worker, before any module builds a schema: zod reads this setting when an
 * object schema is built. The worker parses a spec once per demo load and a source spec per file,
 * so zod's compiled fast path (code generated with `new Function` on the first parse of each object
 * schema: 20–40 ms of this thread's CPU in the demo's load, traced) never pays for itself here.
 */
import { config } from 'zod';

config({ jitless: true });
