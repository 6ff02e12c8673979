/**
 * Recipes against the stand-in: tables and codes checked in the metadata, what is missing listed by
 * name, and — fetched and read like the dashboard does — the variables and the model they add give a
 * fitted model.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SsbClient } from '../../src/ssb/client';
import { provenanceFor } from '../../src/ssb/provenance';
import { barnevern } from '../../src/ssb/recipes/barnevern';
import { sosialhjelp } from '../../src/ssb/recipes/sosialhjelp';
import { accountsItem } from '../../src/ssb/recipes/items';
import { alignYears, resolveItem } from '../../src/ssb/recipes/resolve';
import type { Found } from '../../src/ssb/recipes/types';
import { Pipeline } from '../../src/worker/pipeline';
import { importSsb } from '../../src/worker/ssbImport';
import { emptySpec } from '../../src/spec/schema';
import { sourceSpecSchema } from '../../src/spec/sections/data';
import { prefixMapping } from '../../src/ssb/prefixMapping';
import { standinForTests } from '../ssb-standin/forTests';
import type { Standin } from '../ssb-standin/server';

let standin: Standin;
beforeAll(async () => {
  standin = await standinForTests({ calls: 10_000 });
});
afterAll(() => standin?.close());

describe('recipes', () => {
  it('barnevern: every table found and checked, depreciation (art 590) found, the merged municipality list used', async () => {
    const client = new SsbClient({ api: standin.api });
    const items = [];
    for (const item of barnevern.items) items.push(await resolveItem(client, item, 3));
    expect(items.map((i) => [i.item.key, i.ok, i.tableId])).toEqual([
      ['utgifter', true, '12367'],
      ['innbyggere', true, '07459'],
      ['alder', true, '07459'],
      ['frie_inntekter', true, '12134'],
      ['enslig_forsorger', true, '90002'],
      ['lavinntekt', true, '90001'],
    ]);
    const acc = items[0];
    expect(acc.optionalFound).toEqual(['590']);
    expect(acc.query!.selection).toContainEqual({ variableCode: 'KOKkommuneregion0000', codelist: 'agg_KommSummer', valueCodes: ['*'] });
    expect(acc.query!.selection).toContainEqual({ variableCode: 'KOKfunksjon0000', codelist: null, valueCodes: ['244', '251', '252'] });
    expect(acc.query!.selection).toContainEqual({ variableCode: 'Tid', codelist: null, valueCodes: ['top(3)'] });
    expect(items[1].query!.selection.filter((s) => s.valueCodes.length === 0).map((s) => s.variableCode)).toEqual(['Kjonn', 'Alder']);
  });

  it('lists by name what is not there: a function code, a criterion with no table', async () => {
    const client = new SsbClient({ api: standin.api });
    const odd = await resolveItem(client, accountsItem([{ code: '244', name: { nb: 'funksjon 244', en: 'function 244' } }, { code: '999', name: { nb: 'funksjon 999 (finnes ikke)', en: 'function 999' } }]), 3);
    expect(odd.ok).toBe(false);
    expect(odd.missing.map((m) => m.nb)).toEqual(['funksjon 999 (finnes ikke)']);
    const opp = await resolveItem(client, sosialhjelp.items.find((i) => i.key === 'opphopningsindeks')!, 3);
    expect(opp.ok).toBe(false);
    expect(opp.missing[0].nb).toBe('en tabell for opphopningsindeks (skilte og separerte × arbeidsledige × fattige) (ingen treff i søket «opphopningsindeks»)');
  });

  it('the definitions follow what was found', () => {
    const found: Found = { items: new Set(['utgifter', 'innbyggere', 'alder', 'lavinntekt']), optional: new Map([['utgifter', []]]), contents: new Map([['alder', 'Personer1']]) };
    const b = barnevern.build(found);
    expect(b.variables.expenditure![0]).toMatchObject({ id: 'utg_barnevern', functions: ['244', '251', '252'], netOfDepreciation: false, scope: 'konsern', unit: '1000kr' });
    expect(b.variables.ageGroups![0]).toMatchObject({ id: 'andel_0_22', from: 0, to: 22, share: true, filter: { contents: 'Personer1' } });
    expect(b.variables.ratios!.map((r) => r.id)).toEqual(['andel_lavinntekt']);
    expect(b.models[0]).toMatchObject({ dependent: 'utg_barnevern', regressors: ['andel_0_22', 'andel_lavinntekt'], controls: [], design: 'pooled', se: 'cluster' });
  });

  it('fetched and read as in the dashboard, the barnevern recipe gives a fitted model', async () => {
    const client = new SsbClient({ api: standin.api });
    const pipeline = new Pipeline();
    const spec = emptySpec();
    spec.data.structure = '2024';
    const found: Found = { items: new Set(), optional: new Map(), contents: new Map() };
    const resolved = [];
    for (const item of barnevern.items) resolved.push(await resolveItem(client, item, 3));
    // Population runs to 2025, the accounts to 2024: the items start together at 2022.
    expect(alignYears(resolved, 3)).toBe('2022');
    for (const r of resolved) {
      const item = r.item;
      const fetched = await client.fetchData(r.query!);
      const source = sourceSpecSchema.parse({ id: `ssb_barnevern_${item.key}`, fileName: `${item.key}.json`, format: 'json-stat', mapping: prefixMapping(item.prefix), ssb: provenanceFor(fetched, r.query!, client.api, 'barnevern') });
      const out = await importSsb(pipeline, { parts: fetched.parts, order: fetched.order, source });
      expect(out.source, item.key).not.toBeNull();
      spec.data.sources.push(out.source!);
      found.items.add(item.key);
      found.optional.set(item.key, r.optionalFound);
      if (r.contents) found.contents.set(item.key, r.contents);
    }
    const built = barnevern.build(found);
    Object.assign(spec.variables, built.variables);
    spec.models.list = built.models;
    spec.models.shown = built.models.map((m) => m.id);
    const results = await pipeline.run(spec, { cancelled: () => false, progress: () => {} });
    const names = results!.dataset!.catalogue.map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['innbyggere', 'frie_inntekter', 'lavinntekt', 'enslig_forsorger', 'innb_age_0', 'utg_f244_agd10_konsern', 'utg_f244_590_konsern']));
    const fit = results!.models!.barnevern_kriterier.fits[0];
    expect(fit.outcome.ok).toBe(true);
    if (fit.outcome.ok) {
      // 357 municipalities × 2022–2025 rows; 2025 (population only) and rows with a not-yet-reported
      // («..») account are dropped, and said so.
      expect(fit.outcome.n + fit.outcome.dropped.length).toBe(357 * 4);
      expect(fit.outcome.n).toBeGreaterThan(357 * 3 * 0.95);
      expect(fit.outcome.years).toEqual([2022, 2023, 2024]);
      expect(fit.outcome.coefficients.map((c) => c.name)).toEqual(expect.arrayContaining(['andel_0_22', 'andel_enslig_forsorger', 'andel_lavinntekt', 'frie_inntekter_1000']));
    }
  });
});
