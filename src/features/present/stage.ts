/**
 * The slide stage: 16:9 at 1920×1080 logical pixels (scaled to the window), and how much a slide's
 * content is zoomed. Content is laid out at 1/zoom of the body's width and zoomed back up, so a
 * chart's 12 px labels read as 16–17 px on the slide; a taller content is zoomed less so it fits.
 */
export const STAGE = { width: 1920, height: 1080, zoom: 1.4, chartZoom: 2.2 } as const;

/** Zoom that fills the body's width without overflowing its height (never above STAGE.zoom). */
export function fitScale(bodyWidth: number, bodyHeight: number, innerWidth: number, innerHeight: number, maxZoom: number = STAGE.zoom): number {
  if (!(innerWidth > 0) || !(innerHeight > 0) || !(bodyWidth > 0) || !(bodyHeight > 0)) return 1;
  return Math.min(maxZoom, bodyWidth / innerWidth, bodyHeight / innerHeight);
}

/**
 * Layout width for a chart on its own slide. A chart's height is fixed and its width follows the box,
 * so it fills the slide when laid out at the slide body's aspect ratio and zoomed up: narrower than
 * the body by up to STAGE.chartZoom (larger labels), never wider than for a table.
 */
export function chartLayoutWidth(bodyWidth: number, bodyHeight: number, contentHeight: number): number {
  if (!(bodyWidth > 0) || !(bodyHeight > 0) || !(contentHeight > 0)) return bodyWidth / STAGE.zoom;
  const want = (contentHeight * bodyWidth) / bodyHeight;
  return Math.min(bodyWidth / STAGE.zoom, Math.max(bodyWidth / STAGE.chartZoom, want));
}
