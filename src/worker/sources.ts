/** Naming and format guessing for newly uploaded files (pure). */
import { sourceSpecSchema, type SourceSpec } from '../spec/sections/data';

export function guessFormat(fileName: string): SourceSpec['format'] {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx') || lower.endsWith('.xls')) return 'xlsx';
  if (lower.endsWith('.json') || lower.endsWith('.jsonstat')) return 'json-stat';
  return 'csv';
}

export function newSourceSpec(fileName: string, taken: Iterable<string>, demo = false): SourceSpec {
  const used = new Set(taken);
  const stem =
    fileName
      .replace(/\.[^.]+$/, '')
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'fil';
  let id = stem;
  for (let i = 2; used.has(id); i++) id = `${stem}_${i}`;
  return sourceSpecSchema.parse({ id, fileName, format: guessFormat(fileName), demo });
}
