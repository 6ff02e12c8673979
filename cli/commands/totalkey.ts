/**
 * `analyze -- totalkey`: a total key from sector sub-keys (docs/METHODS.md §9) — each sector's
 * index from criteria weights, an index column or flat 1; sector weights typed or from national
 * spending per inhabitant; the total index, need per inhabitant, equalisation and, with `--before`,
 * the change when some sectors' sub-keys are replaced. The arguments become the spec's `totalKey`
 * section (typed keys as saved keys of `costKey.presets`), which the pipeline's total-key stage
 * computes as the dashboard's «Samlet nøkkel» does; `--print-spec` prints the spec.
 *
 *   npm run --silent analyze -- totalkey --data FILE --unit COL --population COL [--name COL]
 *     [--year COL --years 2022] --sector "barnevern=crit_a=0.3,crit_b=0.7" --sector "sosial=index:COL"
 *     [--before "barnevern=crit_a=0.5,crit_b=0.5"]
 *     [--sector-weights "barnevern=0.4,sosial=0.6" | --sector-spending "barnevern=COL,sosial=12000"]
 *     [--spending-unit-nok 1000] [--per-capita KR] --json [--print-spec]
 *
 * Sector source syntax (after `name=`): `crit=w,crit=w` criteria weights (the basic criterion takes
 * what they leave of 1; `__basic__=w` sets it), `index:COL` an index column used as it is,
 * `index-rescaled:COL` the same divided by its population-weighted mean, `flat` index 1.
 * Several sectors may also be given in one option separated by `;`.
 */
import { numberValue, repeated, required, yearsValue, type Args } from '../args';
import { defineCommand } from '../command';
import { checkedSpec, newSpec, printSpec, runAnalysis, tableSource } from '../analysis';
import { PRINT_SPEC, UsageError, type OptionDef } from '../options';
import { BASIC, parseKeyString, withBasicRemainder } from '../../src/engine/costkey';
import type { AnalysisSpec } from '../../src/spec/schema';
import type { SectorSource, SectorSpending, TotalKeySector } from '../../src/spec/sections/totalKey';
import type { KeyWeights } from '../../src/spec/sections/costkey';

const OPTIONS: OptionDef[] = [
  { name: 'data', kind: 'value', arg: 'FILE', help: 'tidy CSV (én rad per enhet og år) / tidy CSV (one row per unit and year)' },
  { name: 'unit', kind: 'value', arg: 'COL', help: 'enhetskolonnen / unit id column' },
  { name: 'population', kind: 'value', arg: 'COL', help: 'innbyggere / population' },
  { name: 'name', kind: 'value', arg: 'COL', help: 'navnekolonnen / unit name column' },
  { name: 'year', kind: 'value', arg: 'COL', help: 'årskolonnen / year column' },
  { name: 'years', kind: 'value', arg: '2022', help: 'nøkkelåret (det siste) / the key year (the last)' },
  { name: 'sector', kind: 'repeat', arg: '"navn=krit=w,…"|"navn=index:COL"|"navn=index-rescaled:COL"|"navn=flat"', help: 'en sektors delnøkkel / a sector’s sub-key' },
  { name: 'before', kind: 'repeat', arg: '"navn=…"', help: 'sektorens delnøkkel før endringen / the sector’s sub-key before the change' },
  { name: 'sector-weights', kind: 'value', arg: '"a=0.4,b=0.6"', help: 'skrevne sektorvekter (sum 1) / typed sector weights (sum 1)' },
  { name: 'sector-spending', kind: 'value', arg: '"a=COL,b=12000"', help: 'U_s: kolonne eller kr per innbygger / column or kr per inhabitant' },
  { name: 'spending-unit-nok', kind: 'value', arg: '1000', help: 'kroner per enhet av utgiftskolonnene / kroner per unit of the spending columns' },
  { name: 'per-capita', kind: 'value', arg: 'KR', help: 'U i alt (standard Σ U_s) / U in all (default Σ U_s)' },
  PRINT_SPEC,
];

/** «name=rest» → [name, rest]. */
function splitName(text: string, option: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--${option} «${text}»: ventet navn=… / expected name=…`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

/**
 * A sector source of the command line as a spec source: `index:COL`, `index-rescaled:COL`, `flat`, or
 * criteria weights (`crit=w,…`; the basic criterion takes what they leave of 1, `__basic__=w` sets it),
 * which become a saved key of `costKey.presets` under `id`.
 */
export function parseSectorSource(text: string, id: string, label: string, presets: KeyWeights[]): SectorSource {
  if (text === 'flat') return { kind: 'flat' };
  if (text.startsWith('index:')) return { kind: 'index', variable: text.slice(6), rescale: false };
  if (text.startsWith('index-rescaled:')) return { kind: 'index', variable: text.slice(15), rescale: true };
  const key = parseKeyString(text);
  const criteria = Object.keys(key).filter((k) => k !== BASIC);
  presets.push({ id, label, source: 'analyze totalkey', weights: withBasicRemainder(criteria, key) });
  return { kind: 'preset', presetId: id };
}

function parseList(text: string | undefined, option: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (text ?? '').split(',')) {
    const t = part.trim();
    if (!t) continue;
    const [name, value] = splitName(t, option);
    out.set(name, value);
  }
  return out;
}

function parseKr(text: string, option: string): number {
  const v = Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  if (!Number.isFinite(v)) throw new Error(`--${option}: ugyldig tall «${text}» / invalid number "${text}"`);
  return v;
}

/** The total-key analysis of the arguments. */
export function totalKeySpecFromArgs(args: Args): { spec: AnalysisSpec; files: Record<string, string> } {
  const data = required(args, 'data');
  const unit = required(args, 'unit');
  const population = required(args, 'population');
  const years = yearsValue(args);
  const sectorTexts = repeated(args, 'sector');
  if (!sectorTexts.length) throw new UsageError('mangler --sector / missing --sector');
  const before = new Map(repeated(args, 'before').map((t) => splitName(t, 'before')));
  const weightsText = args.values.get('sector-weights');
  const spendingText = args.values.get('sector-spending');
  if (weightsText && spendingText) throw new UsageError('bruk enten --sector-weights eller --sector-spending / use either --sector-weights or --sector-spending');
  if (!weightsText && !spendingText) throw new UsageError('mangler --sector-weights eller --sector-spending / missing --sector-weights or --sector-spending');
  const weights = parseList(weightsText, 'sector-weights');
  const spending = parseList(spendingText, 'sector-spending');
  const unitNok = numberValue(args, 'spending-unit-nok') ?? 1;

  const presets: KeyWeights[] = [];
  const sectors: TotalKeySector[] = sectorTexts.map((t) => {
    const [name, src] = splitName(t, 'sector');
    const sp = spending.get(name);
    let spend: SectorSpending = { kind: 'none' };
    if (sp !== undefined) {
      const v = Number(sp.replace(/[\s\u00a0]/g, '').replace(',', '.'));
      spend = Number.isFinite(v) && sp !== '' ? { kind: 'typed', perCapita: v } : { kind: 'variable', variable: sp, unitNok };
    }
    const w = weights.get(name);
    const b = before.get(name);
    return {
      id: name,
      label: name,
      source: parseSectorSource(src, `sector:${name}`, name, presets),
      compareWith: b === undefined ? null : parseSectorSource(b, `before:${name}`, `${name} (før / before)`, presets),
      spending: spend,
      weight: w === undefined ? null : parseKr(w, 'sector-weights'),
    };
  });
  const names = new Set(sectors.map((s) => s.id));
  for (const n of [...weights.keys(), ...spending.keys(), ...before.keys()])
    if (!names.has(n)) throw new UsageError(`ukjent sektor «${n}» (ikke gitt med --sector) / unknown sector "${n}" (not given with --sector)`);

  const spec = newSpec('analyze totalkey');
  spec.data.sources = [tableSource('data', data, { unit, year: args.values.get('year') ?? null, name: args.values.get('name') ?? null })];
  spec.variables.population = population;
  spec.costKey.year = years.length ? Math.max(...years) : null;
  spec.costKey.presets = presets;
  spec.totalKey.sectors = sectors;
  spec.totalKey.weightMode = weightsText ? 'manual' : 'spending';
  spec.totalKey.perCapita = numberValue(args, 'per-capita') ?? null;
  return { spec: checkedSpec(spec), files: { data } };
}

/** The JSON of `totalkey --json` (shape documented in README.md), from the pipeline's results. */
export async function runTotalKey(args: Args) {
  const { spec, files } = totalKeySpecFromArgs(args);
  const { results } = await runAnalysis(spec, files, ['totalKey']);
  const r = results.totalKey?.result;
  if (!r) throw new Error('ingen sektorer / no sectors');
  const withName = args.values.has('name');
  const num = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    year: r.year,
    weight_mode: r.weightMode,
    sector_weights: Object.fromEntries(r.sectors.map((s) => [s.id, num(s.weight)])),
    sector_spending: Object.fromEntries(r.sectors.map((s) => [s.id, num(s.spending)])),
    sector_weights_sum: num(r.weightSum),
    per_capita: num(r.perCapita),
    per_capita_from: r.perCapitaFrom,
    population_total: r.populationTotal,
    n_units: r.units.length,
    n_candidates: r.nCandidates,
    ok: r.ok,
    checks: r.checks.map((c) => ({ code: c.code, ok: c.ok, value: c.value, expected: c.expected, tolerance: c.tolerance, sector: c.where?.variable ?? null, message: c.message, message_en: c.messageEn })),
    excluded: r.excluded,
    units: r.ok
      ? r.units.map((u, i) => ({
          unit: u,
          ...(withName ? { name: r.names[i] } : {}),
          population: r.population[i],
          sectors: Object.fromEntries(r.sectors.map((s) => [s.id, s.index[i]])),
          ...(r.compared ? { sectors_before: Object.fromEntries(r.sectors.filter((s) => s.indexBefore).map((s) => [s.id, s.indexBefore![i]])) } : {}),
          index: r.index[i],
          need_per_capita: num(r.needPerCapita[i]),
          equalisation: num(r.equalisation[i]),
          ...(r.compared ? { index_before: r.indexBefore[i], change: num(r.change[i]), change_per_capita: num(r.changePerCapita[i]) } : {}),
        }))
      : [],
    problems: r.problems,
  };
}

export const totalKeyCommand = defineCommand({
  name: 'totalkey',
  summary: 'Samlet nøkkel fra delnøkler og sektorvekter / total key from sub-keys and sector weights',
  options: OPTIONS,
  async run(args: Args): Promise<number> {
    if (args.flags.has('print-spec')) return printSpec(totalKeySpecFromArgs(args).spec);
    const out = await runTotalKey(args);
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else {
      const w = Object.entries(out.sector_weights).map(([k, v]) => `  ${k.padEnd(24)} v = ${v === null ? '–' : v.toFixed(4)}  U = ${out.sector_spending[k] === null ? '–' : Math.round(out.sector_spending[k]!)} kr`);
      const c = out.checks.map((x) => `  ${x.ok ? 'OK    ' : 'AVVIK '} ${x.message}`);
      const u = out.units.map((x) => {
        const ch = 'change' in x && x.change !== null ? `  endring ${Math.round(x.change as number)} kr (${Math.round(x.change_per_capita as number)} kr/innb.)` : '';
        return `  ${x.unit.padEnd(8)} indeks ${x.index.toFixed(4)}  behov ${x.need_per_capita === null ? '–' : Math.round(x.need_per_capita)} kr/innb.${ch}`;
      });
      process.stdout.write(['Sektorvekter / sector weights:', ...w, '', 'Kontroller / checks:', ...c, '', 'Enheter / units:', ...u].join('\n') + '\n');
    }
    for (const p of out.problems) if (p.severity !== 'info') process.stderr.write(`${p.severity}: ${p.message} / ${p.messageEn}\n`);
    return out.ok && !out.problems.some((p) => p.severity === 'error') ? 0 : 1;
  },
});
