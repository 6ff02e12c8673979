/**
 * The project file (`.knl.json`): the AnalysisSpec, the view state (chosen municipality, grouping,
 * slides, CSV style; `src/spec/viewState.ts`) and optionally the imported files themselves (the
 * original bytes as base64 next to the SourceSpec that says how to read them), so a colleague can open
 * exactly the same analysis. Opening never throws: anything wrong comes back as Norwegian problems.
 */
import { z } from 'zod';
import type { AnalysisSpec } from '../spec/schema';
import { loadSpec } from '../spec/migrate';
import { readViewState, type ViewState } from '../spec/viewState';
import { sourceSpecSchema, type SourceSpec } from '../spec/sections/data';
import { problem, type Problem } from '../engine/problem';
import { base64ToBytes, bytesToBase64 } from './base64';

export const PROJECT_FORMAT = 'kostnadsnokkel-lab-project';
export const PROJECT_FORMAT_VERSION = 1;
export const PROJECT_EXTENSION = '.knl.json';
/** Larger files are refused before parsing (a browser tab would run out of memory anyway). */
export const MAX_PROJECT_BYTES = 300 * 1024 * 1024;

export interface EmbeddedFile {
  source: SourceSpec;
  bytes: Uint8Array;
}

export interface OpenedProject {
  spec: AnalysisSpec;
  /** The view state saved with the project (fields it lacks are absent: the caller's defaults apply). */
  view: Partial<ViewState>;
  files: EmbeddedFile[];
  savedAt: string | null;
  /** Warnings (e.g. an embedded file no source refers to); the project still opened. */
  problems: Problem[];
}

const envelopeSchema = z.object({
  format: z.literal(PROJECT_FORMAT),
  formatVersion: z.number().int(),
  savedAt: z.string().optional(),
  spec: z.unknown(),
  view: z.unknown().optional(),
  data: z
    .array(z.object({ source: z.unknown(), fileName: z.string().optional(), size: z.number().optional(), base64: z.string() }))
    .optional(),
});

export function projectFileName(spec: AnalysisSpec): string {
  const base = spec.title.normalize('NFKD').replace(/[^\w\- ]+/g, '').trim().replace(/\s+/g, '-').toLowerCase() || 'analyse';
  return base.slice(0, 60) + PROJECT_EXTENSION;
}

export function saveProject(spec: AnalysisSpec, opts: { files?: EmbeddedFile[]; savedAt?: Date; view?: ViewState } = {}): string {
  const envelope = {
    format: PROJECT_FORMAT,
    formatVersion: PROJECT_FORMAT_VERSION,
    savedAt: (opts.savedAt ?? new Date()).toISOString(),
    app: 'Kostnadsnøkkel-lab',
    spec,
    ...(opts.view ? { view: opts.view } : {}),
    ...(opts.files && opts.files.length
      ? { data: opts.files.map((f) => ({ source: f.source, fileName: f.source.fileName, size: f.bytes.length, base64: bytesToBase64(f.bytes) })) }
      : {}),
  };
  return JSON.stringify(envelope, null, 1);
}

const err = (code: string, nb: string, en: string): { ok: false; problems: Problem[] } => ({ ok: false, problems: [problem(code, nb, en)] });

export function openProject(input: string | Uint8Array): { ok: true; project: OpenedProject } | { ok: false; problems: Problem[] } {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > MAX_PROJECT_BYTES) {
    return err('project-too-large', 'Prosjektfila er for stor til å åpnes i nettleseren.', 'The project file is too large to open in the browser.');
  }
  let text: string;
  try {
    text = typeof input === 'string' ? input : new TextDecoder('utf-8', { fatal: true }).decode(input);
  } catch {
    return err('project-not-utf8', 'Prosjektfila er ikke en tekstfil (UTF-8).', 'The project file is not a UTF-8 text file.');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return err('project-not-json', 'Prosjektfila er ikke gyldig JSON. Er det riktig fil?', 'The project file is not valid JSON. Is it the right file?');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return err('project-not-object', 'Prosjektfila inneholder ikke et prosjekt.', 'The project file does not contain a project.');
  }
  const obj = raw as Record<string, unknown>;
  // A bare AnalysisSpec (no envelope) is accepted too: that is what the CLI and tests write.
  if (obj.format === undefined && 'version' in obj) {
    const loaded = loadSpec(obj);
    return loaded.ok ? { ok: true, project: { spec: loaded.spec, view: loaded.view, files: [], savedAt: null, problems: [] } } : loaded;
  }
  const env = envelopeSchema.safeParse(obj);
  if (!env.success) {
    return err('project-wrong-format', 'Fila er ikke en prosjektfil fra Kostnadsnøkkel-lab.', 'The file is not a Kostnadsnøkkel-lab project file.');
  }
  if (env.data.formatVersion > PROJECT_FORMAT_VERSION) {
    return err('project-too-new', 'Prosjektfila er laget av en nyere versjon av appen.', 'The project file was made by a newer version of the app.');
  }
  const loaded = loadSpec(env.data.spec);
  if (!loaded.ok) return loaded;
  const spec = loaded.spec;
  // View state of an old spec version, overridden by the envelope's own (a bad field falls back to its default).
  const view = { ...loaded.view, ...readViewState(env.data.view) };

  const problems: Problem[] = [];
  const files: EmbeddedFile[] = [];
  for (const [i, d] of (env.data.data ?? []).entries()) {
    const src = sourceSpecSchema.safeParse(d.source);
    const name = src.success ? src.data.fileName : (d.fileName ?? `#${i + 1}`);
    if (!src.success) {
      problems.push(problem('project-bad-source', `Innebygd fil «${name}» mangler gyldig beskrivelse og ble hoppet over.`, `Embedded file "${name}" has no valid description and was skipped.`, { file: name }, 'warning'));
      continue;
    }
    const bytes = base64ToBytes(d.base64);
    if (!bytes || (d.size !== undefined && d.size !== bytes.length)) {
      problems.push(problem('project-bad-data', `Innebygd fil «${name}» er skadet og ble hoppet over.`, `Embedded file "${name}" is damaged and was skipped.`, { file: name }, 'warning'));
      continue;
    }
    if (!spec.data.sources.some((s) => s.id === src.data.id)) {
      problems.push(problem('project-orphan-data', `Innebygd fil «${name}» brukes ikke av analysen.`, `Embedded file "${name}" is not used by the analysis.`, { file: name }, 'info'));
    }
    files.push({ source: src.data, bytes });
  }
  return { ok: true, project: { spec, view, files, savedAt: env.data.savedAt ?? null, problems } };
}
