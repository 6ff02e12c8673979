import { describe, expect, it } from 'vitest';
import { chartLayoutWidth, fitScale, STAGE } from './stage';

describe('fitScale', () => {
  it('zooms a short content up to the stage zoom, a tall one down until it fits', () => {
    expect(fitScale(1728, 800, 1234, 300)).toBeCloseTo(1.4, 2);
    expect(fitScale(1728, 800, 1234, 1600)).toBeCloseTo(0.5, 6);
    expect(fitScale(1728, 800, 1234, 1600) * 1600).toBeLessThanOrEqual(800);
    expect(fitScale(1728, 800, 0, 0)).toBe(1);
    expect(STAGE.width / STAGE.height).toBeCloseTo(16 / 9, 6);
  });
});

describe('chartLayoutWidth', () => {
  it('lays a chart out at the body aspect ratio, so zoomed it fills the height', () => {
    // body 1728×760, chart 400 tall → width 909,5 → zoom 1,9 fills both
    const w = chartLayoutWidth(1728, 760, 400);
    expect(w).toBeCloseTo((400 * 1728) / 760, 6);
    expect(fitScale(1728, 760, w, 400, STAGE.chartZoom)).toBeCloseTo(1728 / w, 6);
  });
  it('never zooms more than chartZoom nor less than a table slide', () => {
    expect(chartLayoutWidth(1728, 760, 100)).toBeCloseTo(1728 / STAGE.chartZoom, 6);
    expect(chartLayoutWidth(1728, 760, 5000)).toBeCloseTo(1728 / STAGE.zoom, 6);
    expect(chartLayoutWidth(1728, 760, 0)).toBeCloseTo(1728 / STAGE.zoom, 6);
  });
});
