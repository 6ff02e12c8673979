/**
 * `analyze -- allocate`: criteria-based budget allocation between units (city districts) as the view
 * «Bydeler» computes it (docs/METHODS.md «District allocation»): share_d = Σ_k w_k·N_dk/N_k, in
 * kroner when --budget is given and against --current in percentage points (exact and as
 * one-decimal tables print it) and kroner. The CSV's counts and the keys become the spec's `district`
 * section, which the pipeline's district stage computes; `--print-spec` prints the spec.
 *
 *   npm run --silent analyze -- allocate --data FILE --unit COL --weights "a=0.25,b=0.55,c=0.20"
 *     [--budget KR] [--current "a=...,..."] [--phase-in 1-3] --json
 */
import { readFileSync } from 'node:fs';
import { numberValue, required, type Args } from '../args';
import { defineCommand } from '../command';
import { checkedSpec, newSpec, printSpec, runAnalysis } from '../analysis';
import { PRINT_SPEC, type OptionDef } from '../options';
import { parseKeyString, roundPercent1, stableSum } from '../../src/engine/costkey';
import { columnAsText, getNumeric } from '../../src/engine/table';
import { tidyTable } from '../../src/ingest/tidyTable';
import type { AnalysisSpec } from '../../src/spec/schema';

const OPTIONS: OptionDef[] = [
  { name: 'data', kind: 'value', arg: 'FILE', help: 'CSV med én rad per bydel og en kolonne per kriterium / CSV, one row per district, one column per criterion' },
  { name: 'unit', kind: 'value', arg: 'COL', help: 'bydelskolonnen / district column' },
  { name: 'weights', kind: 'value', arg: '"a=0.25,b=0.55,c=0.20"', help: 'den foreslåtte nøkkelen / the proposed key' },
  { name: 'current', kind: 'value', arg: '"a=...,..."', help: 'dagens nøkkel / today’s key' },
  { name: 'budget', kind: 'value', arg: 'KR', help: 'budsjettet som fordeles / the budget allocated' },
  { name: 'phase-in', kind: 'value', choices: ['1', '2', '3'], help: 'innfasing over år (standard 1) / phase-in years (default 1)' },
  PRINT_SPEC,
];

/** The district section of the arguments: the counts of every criterion a key names, by district. */
export function allocateSpecFromArgs(args: Args): { spec: AnalysisSpec; order: string[] } {
  const unit = required(args, 'unit');
  const table = tidyTable(readFileSync(required(args, 'data'), 'utf8'), [unit]);
  const districts = columnAsText(table, unit);
  if (!districts) throw new Error(`fant ikke kolonnen «${unit}» / column "${unit}" not found`);
  const weights = parseKeyString(required(args, 'weights'));
  const currentText = args.values.get('current');
  const current = currentText ? parseKeyString(currentText) : null;
  const criteria = [...new Set([...Object.keys(weights), ...Object.keys(current ?? {})])];
  // A Map, then own properties: a district named like `__proto__` stays a district.
  const counts = new Map<string, Map<string, number>>();
  for (const d of districts) {
    if (counts.has(d)) throw new Error(`bydelen «${d}» står på flere rader / district "${d}" is on several rows`);
    counts.set(d, new Map());
  }
  for (const k of criteria) {
    const c = getNumeric(table, k);
    if (!c) throw new Error(`fant ikke tallkolonnen «${k}» / numeric column "${k}" not found`);
    districts.forEach((d, i) => counts.get(d)!.set(k, c.values[i]));
  }
  const spec = newSpec('analyze allocate');
  const d = spec.district;
  d.counts = Object.fromEntries([...counts].map(([name, byCriterion]) => [name, Object.fromEntries(byCriterion)]));
  d.keys = [{ id: 'proposed', label: '--weights', source: 'analyze allocate', weights }];
  if (current) d.keys.push({ id: 'current', label: '--current', source: 'analyze allocate', weights: current });
  d.proposedKeyId = 'proposed';
  d.currentKeyId = current ? 'current' : null;
  d.budget = numberValue(args, 'budget') ?? 0;
  d.phaseInYears = Number(args.values.get('phase-in') ?? 1);
  return { spec: checkedSpec(spec), order: districts };
}

export async function runAllocate(args: Args) {
  const { spec, order } = allocateSpecFromArgs(args);
  const { results } = await runAnalysis(spec, {}, ['district']);
  const r = results.district;
  if (!r) throw new Error('ingen bydeler eller nøkler / no districts or keys');
  const budget = args.values.has('budget') ? spec.district.budget : null;
  const proposed = r.keys.find((k) => k.id === 'proposed')!;
  const current = r.keys.find((k) => k.id === 'current') ?? null;
  const change = r.change;
  // In the file's order (an object's integer-like keys would otherwise come first).
  const units = order.map((unit) => {
    const i = r.districts.indexOf(unit);
    return {
      unit,
      share: proposed.shares[i],
      percent: 100 * proposed.shares[i],
      percent_rounded: roundPercent1(proposed.shares[i]),
      ...(budget !== null ? { kroner: budget * proposed.shares[i] } : {}),
      ...(current && change
        ? {
            share_current: current.shares[i],
            change_pp: change.changePp[i],
            change_pp_rounded: change.changePpRounded[i],
            ...(budget !== null ? { kroner_current: change.budgetCurrent[i], change_kroner: change.changeNok[i], phase_in_kroner: change.phaseIn.map((a) => a[i]) } : {}),
          }
        : {}),
    };
  });
  return {
    weights: spec.district.keys[0].weights,
    current: spec.district.keys[1]?.weights ?? null,
    budget,
    sum_share: stableSum(proposed.shares),
    units,
    problems: r.problems,
  };
}

export const allocateCommand = defineCommand({
  name: 'allocate',
  summary: 'Fordel et budsjett mellom bydeler etter kriterier og vekter / allocate a budget by criteria weights',
  options: OPTIONS,
  async run(args: Args): Promise<number> {
    if (args.flags.has('print-spec')) return printSpec(allocateSpecFromArgs(args).spec);
    const out = await runAllocate(args);
    if (args.flags.has('json')) process.stdout.write(JSON.stringify(out, null, 2) + '\n');
    else {
      const lines = out.units.map((u) => {
        const extra = 'change_pp' in u ? `  endring ${(u.change_pp as number).toFixed(2)} pp` : '';
        const kr = 'kroner' in u ? `  ${Math.round(u.kroner as number)} kr` : '';
        return `${u.unit.padEnd(20)} ${u.percent.toFixed(3).padStart(8)} %${kr}${extra}`;
      });
      process.stdout.write(lines.join('\n') + '\n');
    }
    for (const p of out.problems) process.stderr.write(`${p.severity}: ${p.message} / ${p.messageEn}\n`);
    return out.problems.some((p) => p.severity === 'error') ? 1 : 0;
  },
});
