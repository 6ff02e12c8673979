/**
 * What each command accepts, declared once: the parser (args.ts) reads any `--key value`; here a
 * command's options are checked against its declaration before anything runs, so an unknown option
 * (`--estimater`), a misspelt value (`--design poold`), a missing value or a stray argument is refused
 * with the list of valid ones, never silently ignored. The same declarations print `<command> --help`.
 */
import type { Args } from './args';

export interface OptionDef {
  name: string;
  /** `value` takes one value, `repeat` may be given several times, `flag` takes none. */
  kind: 'value' | 'repeat' | 'flag';
  /** The values allowed (exact spelling), listed when another is given. */
  choices?: readonly string[];
  /** Placeholder in the usage line, e.g. FILE, COL, "y ~ x1 + x2". */
  arg?: string;
  help: string;
}

/** Options every command takes. */
export const COMMON_OPTIONS: OptionDef[] = [
  { name: 'json', kind: 'flag', help: 'maskinlesbar JSON / machine-readable JSON' },
  { name: 'help', kind: 'flag', help: 'denne teksten / this text' },
];

/** For the commands that turn their arguments into an AnalysisSpec. */
export const PRINT_SPEC: OptionDef = {
  name: 'print-spec',
  kind: 'flag',
  help: 'skriv AnalysisSpec (JSON) og avslutt / print the AnalysisSpec (JSON) and exit',
};

/** A refusal of the command line: analyze.ts prints it and exits with code 1. */
export class UsageError extends Error {}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

function suggestion(given: string, known: readonly string[], prefix = ''): string {
  const best = known.map((k) => ({ k, d: distance(given.toLowerCase(), k.toLowerCase()) })).sort((x, y) => x.d - y.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.k.length / 3)) ? ` Mente du / did you mean ${prefix}${best.k}?` : '';
}

/** Refuses what `defs` does not declare; `positional` names the free arguments, if any are taken. */
export function checkArgs(args: Args, defs: OptionDef[], positional?: string): void {
  const byName = new Map(defs.map((d) => [d.name, d]));
  const names = defs.map((d) => d.name);
  const list = names.map((n) => `--${n}`).join(', ');
  for (const key of [...args.flags, ...args.values.keys()]) {
    if (!byName.has(key))
      throw new UsageError(`ukjent valg / unknown option --${key}.${suggestion(key, names, '--')}\nGyldige valg / valid options: ${list}`);
  }
  for (const key of args.flags) {
    const d = byName.get(key)!;
    if (d.kind !== 'flag') throw new UsageError(`--${key} trenger en verdi / needs a value${d.arg ? ` (${d.arg})` : ''}`);
  }
  for (const [key, values] of args.all) {
    const d = byName.get(key)!;
    if (d.kind === 'flag') throw new UsageError(`--${key} tar ingen verdi / takes no value (fikk / got «${values[0]}»)`);
    if (d.kind === 'value' && values.length > 1)
      throw new UsageError(`--${key} er gitt ${values.length} ganger / is given ${values.length} times: ${values.map((v) => `«${v}»`).join(', ')}`);
    if (d.choices)
      for (const v of values)
        if (!d.choices.includes(v))
          throw new UsageError(
            `ugyldig verdi / invalid value «${v}» for --${key}.${suggestion(v, d.choices)}\nGyldige verdier / valid values: ${d.choices.join(', ')}`,
          );
  }
  if (!positional && args.positional.length)
    throw new UsageError(`uventet argument / unexpected argument «${args.positional[0]}» (valg skrives --navn verdi / options are --name value)\nGyldige valg / valid options: ${list}`);
}

/** `<command> --help`: one line per option. */
export function usageText(command: string, summary: string, defs: OptionDef[], positional?: string): string {
  const lines = defs.map((d) => {
    const arg = d.kind === 'flag' ? '' : ` ${d.choices ? d.choices.join('|') : (d.arg ?? 'VALUE')}`;
    const rep = d.kind === 'repeat' ? ' (kan gjentas / repeatable)' : '';
    return `  --${d.name}${arg}\n      ${d.help}${rep}`;
  });
  return `${summary}\n\nBruk / usage: npm run --silent analyze -- ${command}${positional ? ` ${positional}` : ''} [options]\n\n${lines.join('\n')}\n`;
}
