/**
 * Size limits. The file is held in memory as bytes and decoded in slices; observations take about
 * 3× the text. Above this limit we refuse before reading, with a message, instead of letting the
 * browser tab run out of memory.
 */
import { problem, type Problem } from '../engine/problem';

export const MAX_FILE_BYTES = 500 * 1024 * 1024;

export function checkFileSize(file: string, bytes: number): Problem | null {
  if (bytes <= MAX_FILE_BYTES) return null;
  const mb = Math.round(bytes / (1024 * 1024));
  return problem(
    'file-too-large',
    `${file}: fila er ${mb} MB, mer enn grensen på 500 MB. Del den opp (f.eks. per år) eller velg færre variabler i Statistikkbanken.`,
    `${file}: the file is ${mb} MB, more than the 500 MB limit. Split it (e.g. by year) or select fewer variables in Statistikkbanken.`,
    { file },
  );
}
