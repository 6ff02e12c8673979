/**
 * The marks of the plain-SVG charts carry their reading in a <title> (the hover tooltip and what a
 * screen reader says for the mark). React renders a <title> with several children as separate text
 * nodes and, server-side, as an empty <title>: the text must be one string.
 */
import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { CategoryBars } from './CategoryBars';
import { EstimateIntervals } from './EstimateIntervals';
import { GroupedBars } from './GroupedBars';

const format = (v: number) => v.toFixed(1).replace('.', ',');

describe('chart marks have their full text in one <title>', () => {
  it('EstimateIntervals: label, estimate and interval', () => {
    const html = renderToStaticMarkup(
      <EstimateIntervals points={[{ label: '2021', estimate: 1.25, low: 0.5, high: 2 }]} format={format} label="Koeffisient per år" color="#0062ba" />,
    );
    expect(html).toContain('<title>2021: 1,3 [0,5; 2,0]</title>');
  });

  it('GroupedBars: group, series and value', () => {
    const html = renderToStaticMarkup(
      <GroupedBars groups={['Liten', 'Stor']} series={[{ name: 'Modell A', color: '#0062ba', values: [0.5, 1.5] }]} format={format} label="R² per gruppe" />,
    );
    expect(html).toContain('<title>Liten, Modell A: 0,5</title>');
    expect(html).toContain('<title>Stor, Modell A: 1,5</title>');
  });

  it('CategoryBars: category and value', () => {
    const html = renderToStaticMarkup(
      <CategoryBars bars={[{ label: 'Oslo', value: -2.5, color: '#0062ba' }]} format={format} label="Endring per kommune" />,
    );
    expect(html).toContain('<title>Oslo: -2,5</title>');
  });
});
