import { describe, expect, it } from 'vitest';
import { municipalityHref, parseHash } from './urlMunicipality';

describe('parseHash', () => {
  it('reads a view, a municipality, or both', () => {
    expect(parseHash('#models')).toEqual({ view: 'models', kommune: null });
    expect(parseHash('#kommune=0301')).toEqual({ view: 'my-municipality', kommune: '0301' });
    expect(parseHash('#my-municipality&kommune=4601')).toEqual({ view: 'my-municipality', kommune: '4601' });
    expect(parseHash(municipalityHref('0301'))).toEqual({ view: 'my-municipality', kommune: '0301' });
    // Not a municipality number: ignored, nothing chosen.
    expect(parseHash('#kommune=<script>')).toEqual({ view: '', kommune: null });
    expect(parseHash('')).toEqual({ view: '', kommune: null });
  });
});
