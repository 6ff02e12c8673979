/**
 * `analyze -- allocate`: criteria-based budget allocation between units (city districts), seed 001
 * §2.2: share_d = Σ_k w_k·N_dk/N_k, in kroner when --budget is given and against --current in
 * percentage points (exact and as one-decimal tables print it) and kroner.
 *
 *   npm run --silent analyze -- allocate --data FILE --unit COL --weights "a=0.25,b=0.55,c=0.20"
 *     [--budget KR] [--current "a=...,..."] [--phase-in 1-3] --json
 */
import type { Args } from '../args';
import { required } from '../args';
import type { Command } from './types';
import { districtChange, districtShares, parseKeyString, roundPercent1, stableSum } from '../../src/engine/costkey';
import { getNumeric, type Table } from '../../src/engine/table';
import { readTidyCsv } from '../tidyCsv';

export function allocateFromTable(table: Table, unit: string, weights: Record<string, number>, current: Record<string, number> | null, budget: number | null, phaseInYears = 1) {
  const unitCol = table.columns.get(unit);
  if (!unitCol) throw new Error(`fant ikke kolonnen «${unit}» / column "${unit}" not found`);
  const districts = unitCol.kind === 'string' ? unitCol.values : Array.from(unitCol.values, String);
  const criteria = [...new Set([...Object.keys(weights), ...Object.keys(current ?? {})])];
  const counts = new Float64Array(districts.length * criteria.length);
  criteria.forEach((k, j) => {
    const c = getNumeric(table, k);
    if (!c) throw new Error(`fant ikke tallkolonnen «${k}» / numeric column "${k}" not found`);
    districts.forEach((_, d) => (counts[d * criteria.length + j] = c.values[d]));
  });
  const input = { districts, criteria, counts };
  const proposed = districtShares(input, weights);
  const cur = current ? districtShares(input, current) : null;
  const change = cur ? districtChange(cur.shares, proposed.shares, budget ?? 0, phaseInYears) : null;
  const units = districts.map((d, i) => ({
    unit: d,
    share: proposed.shares[i],
    percent: 100 * proposed.shares[i],
    percent_rounded: roundPercent1(proposed.shares[i]),
    ...(budget !== null ? { kroner: budget * proposed.shares[i] } : {}),
    ...(cur && change
      ? {
          share_current: cur.shares[i],
          change_pp: change.changePp[i],
          change_pp_rounded: change.changePpRounded[i],
          ...(budget !== null ? { kroner_current: change.budgetCurrent[i], change_kroner: change.changeNok[i], phase_in_kroner: change.phaseIn.map((a) => a[i]) } : {}),
        }
      : {}),
  }));
  return {
    weights,
    current,
    budget,
    sum_share: stableSum(proposed.shares),
    units,
    problems: [...proposed.problems, ...(cur?.problems ?? [])],
  };
}

function parseBudget(args: Args): number | null {
  const b = args.values.get('budget');
  if (b === undefined) return null;
  const v = Number(b.replace(/\s/g, ''));
  if (!Number.isFinite(v)) throw new Error(`ugyldig --budget «${b}» / invalid --budget`);
  return v;
}

export const allocateCommand: Command = {
  summary: 'Fordel et budsjett mellom bydeler etter kriterier og vekter / allocate a budget by criteria weights',
  async run(args: Args): Promise<number> {
    const unit = required(args, 'unit');
    const table = readTidyCsv(required(args, 'data'), [unit]);
    const weights = parseKeyString(required(args, 'weights'));
    const currentText = args.values.get('current');
    const current = currentText ? parseKeyString(currentText) : null;
    const out = allocateFromTable(table, unit, weights, current, parseBudget(args), Number(args.values.get('phase-in') ?? 1));
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
};
