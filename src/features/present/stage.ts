/**
 * The slide stage: 16:9 at 1920×1080 logical pixels (scaled to the window), and how much a slide's
 * content is zoomed. Content is laid out at 1/zoom of the body's width and zoomed back up, so a
 * chart's 12 px labels read as 16–17 px on the slide; a taller content is zoomed less so it fits.
 */
export const STAGE = { width: 1920, height: 1080, zoom: 1.4 } as const;

/** Zoom that fills the body's width without overflowing its height (never above STAGE.zoom). */
export function fitScale(bodyWidth: number, bodyHeight: number, innerWidth: number, innerHeight: number): number {
  if (!(innerWidth > 0) || !(innerHeight > 0) || !(bodyWidth > 0) || !(bodyHeight > 0)) return 1;
  return Math.min(STAGE.zoom, bodyWidth / innerWidth, bodyHeight / innerHeight);
}
