/**
 * Rewrites a few Designsystemet table rules that use `:has()` in a position Chromium cannot scope:
 * `:not(:has(thead)) tbody` and `tbody:has(+tfoot)`. With them in the page every DOM change near a
 * table invalidated style for the whole document (17–35 ms per recalculation on the demo, several
 * per view switch; issue 2 item 4: no main-thread task over 50 ms). A stylesheet cannot switch off
 * another stylesheet's selector, so the rules are rewritten in the CSSOM once, at start-up:
 * - the table-without-<thead> corner radius (only with `data-border`, which we never set) is dropped;
 * - "last body row before a <tfoot>" becomes `tbody:last-of-type:not(:last-child)` — same rows,
 *   because a <tfoot> is the only thing that can follow the last <tbody>.
 */
const REWRITES: [RegExp, string][] = [
  [/,\s*:not\(:has\((?:thead|tfoot)\)\)\s+tbody:(?:first|last)-of-type/g, ''],
  [/tbody:has\(\s*\+\s*tfoot\s*\)/g, 'tbody:last-of-type:not(:last-child)'],
];

function patchRules(rules: CSSRuleList): number {
  let n = 0;
  for (const rule of Array.from(rules)) {
    if (rule instanceof CSSStyleRule && rule.selectorText.includes(':has(')) {
      let sel = rule.selectorText;
      for (const [re, to] of REWRITES) sel = sel.replace(re, to);
      if (sel !== rule.selectorText) {
        rule.selectorText = sel;
        n++;
      }
    }
    // @layer, @media and nested rules hold their own lists.
    if ('cssRules' in rule && rule.cssRules) n += patchRules(rule.cssRules as CSSRuleList);
  }
  return n;
}

/** Returns how many rules were rewritten (0 in Node, or when the sheets are not readable). */
export function patchDesignsystemetCss(doc: Document | undefined = globalThis.document): number {
  if (!doc?.styleSheets) return 0;
  let n = 0;
  for (const sheet of Array.from(doc.styleSheets)) {
    try {
      n += patchRules(sheet.cssRules);
    } catch {
      // Cross-origin sheets cannot be read; ours are same-origin.
    }
  }
  return n;
}
