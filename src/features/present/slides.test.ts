import { describe, expect, it } from 'vitest';
import { defaultSlides, slidesFor } from './slides';

describe('slidesFor', () => {
  it('is the default set when none is chosen', () => {
    expect(slidesFor({ slides: [] }, 'en')).toEqual(defaultSlides('en'));
  });
  it('titles the default slides in the screen language, keeps the others as saved', () => {
    const saved = [...defaultSlides('nb'), { id: 'x', kind: 'chart:stability:k', title: 'Koeffisient' }];
    expect(slidesFor({ slides: saved }, 'en').map((s) => s.title)).toEqual(['About the analysis', 'Regression results', 'Koeffisient']);
  });
});
