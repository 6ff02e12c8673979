/**
 * `analyze -- totalkey`: a total key from sector sub-keys (anchors §1.2 steps 4–8) — each sector's
 * index from criteria weights, an index column or flat 1; sector weights typed or from national
 * spending per inhabitant; the total index, need per inhabitant, equalisation and, with `--before`,
 * the change when some sectors' sub-keys are replaced. The same engine function as the dashboard's
 * «Samlet nøkkel» (`totalKeyFromTable`).
 *
 *   npm run --silent analyze -- totalkey --data FILE --unit COL --population COL [--name COL]
 *     [--year COL --years 2022] --sector "barnevern=crit_a=0.3,crit_b=0.7" --sector "sosial=index:COL"
 *     [--before "barnevern=crit_a=0.5,crit_b=0.5"]
 *     [--sector-weights "barnevern=0.4,sosial=0.6" | --sector-spending "barnevern=COL,sosial=12000"]
 *     [--spending-unit-nok 1000] [--per-capita KR] --json
 *
 * Sector source syntax (after `name=`): `crit=w,crit=w` criteria weights (the basic criterion takes
 * what they leave of 1; `__basic__=w` sets it), `index:COL` an index column used as it is,
 * `index-rescaled:COL` the same divided by its population-weighted mean, `flat` index 1.
 * Several sectors may also be given in one option separated by `;`.
 */
import { repeated, required, type Args } from '../args';
import type { Command } from './types';
import { readTidyCsv } from '../tidyCsv';
import { parseKeyString, totalKeyFromTable, withBasicRemainder, type SectorIndexSource, type SectorInput, type SectorSpendingInput } from '../../src/engine/costkey';
import type { Table } from '../../src/engine/table';

/** «name=rest» → [name, rest]. */
function splitName(text: string, option: string): [string, string] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`--${option} «${text}»: ventet navn=… / expected name=…`);
  return [text.slice(0, eq).trim(), text.slice(eq + 1).trim()];
}

export function parseSectorSource(text: string): SectorIndexSource {
  if (text === 'flat') return { kind: 'flat' };
  if (text.startsWith('index:')) return { kind: 'index', variable: text.slice(6) };
  if (text.startsWith('index-rescaled:')) return { kind: 'index', variable: text.slice(15), rescale: true };
  const key = parseKeyString(text);
  const criteria = Object.keys(key).filter((k) => k !== '__basic__');
  return { kind: 'key', key: withBasicRemainder(criteria, key) };
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

export function totalKeyFromArgs(args: Args, table: Table) {
  const unit = required(args, 'unit');
  const population = required(args, 'population');
  const nameCol = args.values.get('name') ?? null;
  const yearCol = args.values.get('year') ?? null;
  const years = (args.values.get('years') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map(Number);
  const sectorTexts = repeated(args, 'sector');
  if (!sectorTexts.length) throw new Error('mangler --sector / missing --sector');
  const before = new Map(repeated(args, 'before').map((t) => splitName(t, 'before')));
  const weightsText = args.values.get('sector-weights');
  const spendingText = args.values.get('sector-spending');
  if (weightsText && spendingText) throw new Error('bruk enten --sector-weights eller --sector-spending / use either --sector-weights or --sector-spending');
  if (!weightsText && !spendingText) throw new Error('mangler --sector-weights eller --sector-spending / missing --sector-weights or --sector-spending');
  const weights = parseList(weightsText, 'sector-weights');
  const spending = parseList(spendingText, 'sector-spending');
  const unitNokText = args.values.get('spending-unit-nok');
  const unitNok = unitNokText ? parseKr(unitNokText, 'spending-unit-nok') : 1;
  const perCapitaText = args.values.get('per-capita');

  const sectors: SectorInput[] = sectorTexts.map((t) => {
    const [name, src] = splitName(t, 'sector');
    const sp = spending.get(name);
    let spend: SectorSpendingInput = { kind: 'none' };
    if (sp !== undefined) {
      const v = Number(sp.replace(/[\s\u00a0]/g, '').replace(',', '.'));
      spend = Number.isFinite(v) && sp !== '' ? { kind: 'typed', perCapita: v } : { kind: 'variable', variable: sp, unitNok };
    }
    const w = weights.get(name);
    return {
      id: name,
      label: name,
      source: parseSectorSource(src),
      compareWith: before.has(name) ? parseSectorSource(before.get(name)!) : null,
      spending: spend,
      weight: w === undefined ? null : parseKr(w, 'sector-weights'),
    };
  });
  const names = new Set(sectors.map((s) => s.id));
  for (const n of [...weights.keys(), ...spending.keys(), ...before.keys()])
    if (!names.has(n)) throw new Error(`ukjent sektor «${n}» (ikke gitt med --sector) / unknown sector "${n}" (not given with --sector)`);

  const r = totalKeyFromTable(table, {
    unit,
    unitName: nameCol,
    population,
    yearColumn: yearCol,
    year: years.length ? Math.max(...years) : null,
    sectors,
    weightMode: weightsText ? 'manual' : 'spending',
    perCapita: perCapitaText ? parseKr(perCapitaText, 'per-capita') : null,
  });
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
          ...(nameCol ? { name: r.names[i] } : {}),
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

export const totalKeyCommand: Command = {
  summary: 'Samlet nøkkel fra delnøkler og sektorvekter / total key from sub-keys and sector weights',
  async run(args: Args): Promise<number> {
    const unit = required(args, 'unit');
    const nameCol = args.values.get('name');
    const table = readTidyCsv(required(args, 'data'), [unit, ...(nameCol ? [nameCol] : [])]);
    table.unit = unit;
    const yearCol = args.values.get('year');
    if (yearCol) table.year = yearCol;
    if (nameCol) table.unitName = nameCol;
    const out = totalKeyFromArgs(args, table);
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
};
