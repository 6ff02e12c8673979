/** The message box's counts are in the language's number format («og 1 499 til», «Vis alle 1 500»). */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../engine/problem';
import { formatInteger } from '../../i18n/format';
import { GroupedProblemList } from './GroupedProblemList';

const many: Problem[] = Array.from({ length: 1500 }, (_, i) => ({
  code: 'same-kind',
  severity: 'warning',
  message: `Rad ${i} mangler verdi.`,
  messageEn: `Row ${i} lacks a value.`,
}));

describe('GroupedProblemList', () => {
  it('writes the folded count and «Vis alle» in Norwegian number format', () => {
    const html = renderToStaticMarkup(createElement(GroupedProblemList, { problems: many, heading: 'Meldinger' }));
    expect(html).toContain(`og ${formatInteger(1499, 'nb')} til av samme slag`);
    expect(html).toContain(`Vis alle ${formatInteger(1500, 'nb')}`);
    expect(formatInteger(1499, 'nb')).not.toBe('1499');
  });
});
