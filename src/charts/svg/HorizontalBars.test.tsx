import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { fitLabel, HorizontalBars } from './HorizontalBars';

describe('fitLabel', () => {
  it('keeps names that fit and shortens the rest with an ellipsis', () => {
    expect(fitLabel('Innbyggere 0–22 år', 240)).toBe('Innbyggere 0–22 år');
    const long = 'Barn 0–15 år med enslig forsørger per innbygger';
    const short = fitLabel(long, 120);
    expect(short.endsWith('…')).toBe(true);
    expect(short.length).toBeLessThan(long.length);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
  });
});

describe('HorizontalBars', () => {
  const bars = [
    { label: 'Barn 0–15 år med enslig forsørger per innbygger', value: 0.34 },
    { label: 'Innbyggere 0–22 år', value: 0.03 },
    { label: 'Uten tall', value: NaN },
  ];
  const html = renderToStaticMarkup(
    <HorizontalBars bars={bars} format={(v) => `${Math.round(v * 100)} %`} formatValue={(v) => `${(v * 100).toFixed(1)} %`} label="Andeler" color="#0062ba" labelWidth={120} />,
  );

  it('is one labelled image with a bar per finite value', () => {
    expect(html).toContain('role="img"');
    expect(html).toContain('aria-label="Andeler"');
    expect(html.match(/<rect /g)).toHaveLength(2);
  });

  it('reads out each bar with the full name and the detailed value', () => {
    expect(html).toContain('<title>Barn 0–15 år med enslig forsørger per innbygger: 34.0 %</title>');
    expect(html).toContain('<title>Innbyggere 0–22 år: 3.0 %</title>');
  });

  it('keeps the full name of a shortened axis label in a <title>', () => {
    expect(html).toContain('<title>Barn 0–15 år med enslig forsørger per innbygger</title>');
    expect(html).toContain('…');
  });

  it('labels the value axis with nice ticks from zero', () => {
    expect(html).toContain('>0 %<');
    expect(html).toContain('>40 %<');
  });
});
