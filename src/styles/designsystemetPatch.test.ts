import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { needsUnused, patchDesignsystemetCss, UNUSED } from './designsystemetPatch';

const SRC = join(__dirname, '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.includes('designsystemetPatch') ? [path] : [];
  });
}

describe('needsUnused', () => {
  it('counts unused blocks only where an element must have them', () => {
    expect(needsUnused('.ds-search')).toBe(true);
    expect(needsUnused('.ds-search__clear:hover')).toBe(true);
    expect(needsUnused(':is(:is(.ds-search,.ds-tabs)>button):focus-visible *')).toBe(true);
    // The variable pickers render .ds-suggestion, so rules shared with it stay.
    expect(needsUnused(':is(:is(.ds-search,.ds-suggestion)>button):focus-visible *')).toBe(false);
    expect(needsUnused('.ds-field[tabindex]:focus-visible:has(:is(.ds-file-upload))')).toBe(true);
    expect(needsUnused('[data-tooltip]:hover')).toBe(true);
    expect(needsUnused('.ds-input:not(.ds-search)')).toBe(false);
    expect(needsUnused(':is(.ds-skip-link:focus,.ds-skiplink:focus)')).toBe(false);
    expect(needsUnused('[data-size]:is(.ds-heading,.ds-paragraph,.ds-spinner)')).toBe(false);
    expect(needsUnused('.ds-link-like, [data-tooltips]')).toBe(false);
    expect(needsUnused('.ds-field:has(input[data-x=".ds-search"])')).toBe(false);
  });
});

describe('patchDesignsystemetCss', () => {
  const path = createRequire(import.meta.url).resolve('@digdir/designsystemet-css');
  const { css, counts } = patchDesignsystemetCss(readFileSync(path, 'utf8'));

  it('drops the unused components and the slow table selectors of the installed CSS', () => {
    // Fails when a Designsystemet update renames the rules: the patch would quietly do nothing.
    expect(counts.dropped).toBeGreaterThan(300);
    expect(counts.rewritten).toBeGreaterThanOrEqual(5);
    expect(counts.split).toBeGreaterThanOrEqual(20);
    expect(counts.focus).toBeGreaterThanOrEqual(10);
    expect(css).not.toMatch(/\.ds-(?:tabs|togglegroup|file-upload)(?![\w-])/);
    // .ds-search survives only inside the lists it shares with .ds-suggestion.
    expect(css).not.toMatch(/(?<!:is\()\.ds-search(?![\w-])/);
    expect(css).not.toMatch(/tbody:has\(|:not\(:has\(t(?:head|foot)\)\)|:is\(th,td\)/);
    expect(css).toContain('.ds-table[data-border]>:is(thead:first-of-type)>tr:first-child>th');
    expect(css).toContain('.ds-table>tbody:last-of-type:not(:last-child)>tr:last-child>th');
    expect(css).toMatch(/\.ds-button\{/);
    expect(css).toMatch(/\.ds-input\{/);
    expect(css).toContain('.ds-button:focus-visible>*{--_ds--focus:}');
    expect(css).not.toMatch(/ \*\{--_ds--focus:\}/);
  });

  it('keeps a selector list apart from its unused selectors', () => {
    const out = patchDesignsystemetCss(
      '.ds-button,.ds-search>.ds-button{x:1}.ds-tabs{y:2}@media print{.ds-tabs{z:3}}',
    );
    expect(out.css).toBe('.ds-button{x:1}');
  });

  it('files selectors whose subject is a list of tags under each tag', () => {
    const out = patchDesignsystemetCss(
      ':is(.t>:is(th,td)):first-child{a:1}.t>:is(th,.c){b:2}:is(.t,.u)>:is(th,td){c:3}',
    );
    expect(out.css).toBe(
      '.t>th:first-child,.t>td:first-child{a:1}.t>:is(th,.c){b:2}:is(.t,.u)>th,:is(.t,.u)>td{c:3}',
    );
  });

  it('narrows only the rules that do nothing but blank the focus variable', () => {
    const out = patchDesignsystemetCss('.a:focus-visible *{--_ds--focus:}.b *{--_ds--focus:;color:red}');
    expect(out.css).toBe('.a:focus-visible>*{--_ds--focus:}.b *{--_ds--focus:;color:red}');
  });
});

describe('the app', () => {
  it('renders no Designsystemet component whose CSS the patch drops', () => {
    const unusedNames = Object.values(UNUSED).flat();
    const unusedClass = new RegExp(`\\bds-(?:${Object.keys(UNUSED).join('|')})(?:__|--|(?![\\w-]))`);
    const offenders: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      const where = relative(SRC, file);
      for (const m of text.matchAll(/import\s*\{([^}]*)\}\s*from\s*'@digdir\/designsystemet-react'/g)) {
        for (const name of m[1].split(',').map((n) =>
          n
            .replace(/^\s*type\s+/, '')
            .split(/\s+as\s+/)[0]
            .trim(),
        )) {
          if (
            unusedNames.some((u) => name === u || (name.startsWith(u) && /^[A-Z]/.test(name.slice(u.length))))
          )
            offenders.push(`${where}: ${name}`);
        }
      }
      if (unusedClass.test(text)) offenders.push(`${where}: ${unusedClass.exec(text)?.[0]}`);
      if (/data-tooltip\b/.test(text)) offenders.push(`${where}: data-tooltip`);
    }
    // To use one, take it out of UNUSED in designsystemetPatch.ts so its CSS is kept.
    expect(offenders).toEqual([]);
  });
});
