/** The page's SSB settings, fixed at build time (buildSettings.ts; Vite replaces import.meta.env). */
import { ssbBuildSettings } from './apiBase';

export const pageSsb = ssbBuildSettings(import.meta.env);
