/**
 * Build-time rewrite of Designsystemet's CSS (vite.config.ts runs it on the package's index.css; it
 * is never part of the app bundle). Speed budget, no main-thread task over 50 ms: every style
 * recalculation tries each rule the browser cannot file under a class or tag (rules ending in `*`,
 * `:is(…)` or `:where(…)`) against every element, and many of those walk all ancestors. On the demo
 * the worst of them belong to components the app never renders, or are slow for no effect:
 *
 * 1. Rules that can only match a component we do not use (search, tabs, toggle group, …) are
 *    dropped. UNUSED lists them; designsystemetPatch.test.ts fails when src/ starts using one, so
 *    the component's CSS can be let back in.
 * 2. `:not(:has(thead)) tbody` (and tfoot) is dropped from the bordered-table corner rules: a `:has()`
 *    Chromium cannot scope, so every DOM change near a table restyled the whole document (17–35 ms
 *    per recalculation on the demo). It only rounds the corners of a bordered table without <thead>.
 * 3. `tbody:has(+tfoot)` (same problem) becomes `tbody:last-of-type:not(:last-child)`: the same rows,
 *    because a <tfoot> is the only thing that can follow the last <tbody>.
 * 4. A selector whose subject is a list of tags, `…>:is(th,td)`, is split into one selector per tag,
 *    after unwrapping a one-selector `:is(…)` around the whole (`:is(A):first-child` is
 *    `A:first-child`): the browser files each under its tag and tries it on those elements only.
 *    Specificity stays the same.
 * 5. `X *{--_ds--focus:}` (a focused component blanks the focus-ring variable below it) becomes
 *    `X>*{…}`: the children pass the blank value on by inheritance, and nothing else ever sets the
 *    variable, so every element gets the same value without each one searching its ancestors for X.
 */
import postcss, { type Container, type Rule } from 'postcss';

/**
 * Designsystemet blocks (`.ds-<block>`, `.ds-<block>__…`, `.ds-<block>--…`) the app never renders,
 * with the React components that render them.
 */
export const UNUSED: Record<string, string[]> = {
  avatar: ['Avatar'],
  'avatar-stack': ['EXPERIMENTAL_AvatarStack', 'AvatarStack'],
  badge: ['Badge'],
  breadcrumbs: ['Breadcrumbs'],
  combobox: ['Combobox'],
  dialog: ['Dialog'],
  divider: ['Divider'],
  dropdown: ['Dropdown'],
  'error-summary': ['ErrorSummary'],
  'file-upload': ['EXPERIMENTAL_FileUpload', 'FileUpload'],
  link: ['Link'],
  list: ['List'],
  pagination: ['Pagination'],
  popover: ['Popover'],
  search: ['Search'],
  skeleton: ['Skeleton'],
  skiplink: [], // the old name of .ds-skip-link, which SkipLink renders
  tabs: ['Tabs'],
  textfield: [], // the old Textfield markup; today's Textfield renders .ds-field and .ds-input
  togglegroup: ['ToggleGroup'],
  'toggle-group': ['ToggleGroup'],
  tooltip: ['Tooltip'],
};

/** Attribute selectors the app never sets: `[data-tooltip]` (Tooltip). */
const UNUSED_ATTRIBUTES = ['data-tooltip'];

const REWRITES: [RegExp, string][] = [
  [/,\s*:not\(:has\((?:thead|tfoot)\)\)\s+tbody:(?:first|last)-of-type/g, ''],
  [/tbody:has\(\s*\+\s*tfoot\s*\)/g, 'tbody:last-of-type:not(:last-child)'],
];

const blocks = Object.keys(UNUSED)
  .sort((a, b) => b.length - a.length)
  .join('|');
const UNUSED_TOKEN = new RegExp(
  `^(?:\\.ds-(?:${blocks})(?:__|--|(?![\\w-]))|\\[(?:${UNUSED_ATTRIBUTES.join('|')})(?![\\w-]))`,
);

/** Splits at commas outside parentheses, brackets and strings. */
function splitList(list: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quote = '';
  let start = 0;
  for (let i = 0; i < list.length; i++) {
    const c = list[i];
    if (c === '\\') i++;
    else if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      out.push(list.slice(start, i));
      start = i + 1;
    }
  }
  out.push(list.slice(start));
  return out.map((s) => s.trim());
}

/** Index of the `)` closing the `(` at `open`. */
function closing(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === '\\') i++;
    else if (quote) quote = c === quote ? '' : quote;
    else if (c === '"' || c === "'") quote = c;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return s.length;
}

/**
 * True when every element the selector could match needs an unused class or attribute, on itself or
 * an ancestor, sibling or descendant. Only positive positions count: a token inside `:not()` (or any
 * pseudo-class other than :is/:where/:has) does not, and an `:is()` counts only if all of its
 * alternatives do.
 */
export function needsUnused(selector: string): boolean {
  for (let i = 0; i < selector.length; i++) {
    const c = selector[i];
    if (c === '\\') {
      i++;
    } else if (c === '.' || c === '[') {
      if (UNUSED_TOKEN.test(selector.slice(i))) return true;
      if (c === '[') i = selector.indexOf(']', i);
    } else if (c === '(') {
      const end = closing(selector, i);
      const fn = /:(is|where|has)$/.exec(selector.slice(0, i));
      if (fn && splitList(selector.slice(i + 1, end)).every(needsUnused)) return true;
      i = end;
    }
  }
  return false;
}

/** `:is(A)B` → `AB` while the `:is` holds a single selector (vendor-prefixed ones are left forgiving). */
function unwrapIs(selector: string): string {
  if (!selector.startsWith(':is(')) return selector;
  const end = closing(selector, 3);
  const inner = selector.slice(4, end).trim();
  if (splitList(inner).length > 1 || /-(?:webkit|moz|ms)-/.test(inner)) return selector;
  return unwrapIs(inner + selector.slice(end + 1));
}

/** `A>:is(th,td):hover` → [`A>th:hover`, `A>td:hover`]; any other selector is returned as it is. */
function splitTagList(selector: string): string[] {
  const m =
    /^(.*[\s>+~])\s*:is\(([a-z][\w-]*(?:\s*,\s*[a-z][\w-]*)+)\)((?::{1,2}[\w-]+(?:\([^()]*\))?)*)$/.exec(
      selector,
    );
  return m ? m[2].split(',').map((tag) => `${m[1]}${tag.trim()}${m[3]}`) : [selector];
}

/** True for a rule whose only declaration blanks the inherited focus-ring variable. */
function blanksFocus(rule: Rule): boolean {
  const [only, ...rest] = rule.nodes;
  return (
    rest.length === 0 && only?.type === 'decl' && only.prop === '--_ds--focus' && only.value.trim() === ''
  );
}

function rewriteRule(rule: Rule, counts: PatchCounts): void {
  const childOnly = blanksFocus(rule);
  const kept: string[] = [];
  for (const selector of rule.selectors) {
    if (needsUnused(selector)) {
      counts.dropped++;
      continue;
    }
    let fixed = selector;
    for (const [re, to] of REWRITES) {
      fixed = fixed.replace(re, () => {
        counts.rewritten++;
        return to;
      });
    }
    if (childOnly && /\s\*$/.test(fixed)) {
      fixed = fixed.replace(/\s\*$/, '>*');
      counts.focus++;
    }
    const tags = splitTagList(unwrapIs(fixed));
    if (tags.length > 1) counts.split++;
    kept.push(...tags);
  }
  if (kept.length === 0) rule.remove();
  else if (kept.join() !== rule.selectors.join()) rule.selectors = kept;
}

function removeEmpty(container: Container): void {
  container.each((node) => {
    if ('nodes' in node && node.nodes) {
      removeEmpty(node as Container);
      if (node.nodes.length === 0) node.remove();
    }
  });
}

export interface PatchCounts {
  /** Selectors removed because they need an unused component or attribute. */
  dropped: number;
  /** Unscopable table `:has()` removed or rewritten. */
  rewritten: number;
  /** Selectors whose subject is a list of tags, split. */
  split: number;
  /** `X *{--_ds--focus:}` narrowed to `X>*`. */
  focus: number;
}

/** The rewritten CSS, with counts so the build can warn when Designsystemet's CSS has changed. */
export function patchDesignsystemetCss(css: string): { css: string; counts: PatchCounts } {
  const counts: PatchCounts = { dropped: 0, rewritten: 0, split: 0, focus: 0 };
  const root = postcss.parse(css);
  root.walkRules((rule) => rewriteRule(rule, counts));
  removeEmpty(root);
  return { css: root.toString(), counts };
}
