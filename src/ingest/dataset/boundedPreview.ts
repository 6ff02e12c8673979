/**
 * The first rows of a file as the mapping step previews them, bounded: the report is copied from
 * the worker to the page (structured clone) and rendered there, so a 16 000-column file or cells of
 * 30 000 characters must not become megabytes of preview. At most PREVIEW_MAX_CELLS cells (fewer
 * rows when the file is wide, never less than one) of at most PREVIEW_CELL_CHARS characters each.
 */
export const PREVIEW_ROWS = 10;
export const PREVIEW_MAX_CELLS = 20_000;
export const PREVIEW_CELL_CHARS = 200;

export function boundedPreview(rows: readonly string[][], columns: number): string[][] {
  const n = Math.min(PREVIEW_ROWS, Math.max(1, Math.floor(PREVIEW_MAX_CELLS / Math.max(1, columns))));
  return rows.slice(0, n).map((r) => r.map((c) => (c.length > PREVIEW_CELL_CHARS ? `${c.slice(0, PREVIEW_CELL_CHARS - 1)}…` : c)));
}
