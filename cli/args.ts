/**
 * `--key value` / `--flag` parser shared by the CLI subcommands. `values` keeps the last value of a
 * repeated key (what single-valued options read); `all` keeps every value in order, for options that
 * may be given several times (`--sector a=… --sector b=…`).
 */
export interface Args {
  values: Map<string, string>;
  all: Map<string, string[]>;
  flags: Set<string>;
  positional: string[];
}

const BOOLEAN_FLAGS = new Set(['json', 'help', 'print-spec', 'no-intercept', 'refetch']);

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const all = new Map<string, string[]>();
  const put = (key: string, value: string) => {
    values.set(key, value);
    all.set(key, [...(all.get(key) ?? []), value]);
  };
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        put(a.slice(2, eq), a.slice(eq + 1));
        continue;
      }
      const key = a.slice(2);
      const next = argv[i + 1];
      if (BOOLEAN_FLAGS.has(key) || next === undefined || next.startsWith('--')) flags.add(key);
      else {
        put(key, next);
        i++;
      }
    } else positional.push(a);
  }
  return { values, all, flags, positional };
}

export function required(args: Args, key: string): string {
  const v = args.values.get(key);
  if (v === undefined || v === '') throw new Error(`mangler --${key} / missing --${key}`);
  return v;
}

/** Every value of an option that may be repeated; each may also list several joined by `;`. */
export function repeated(args: Args, key: string): string[] {
  return (args.all.get(key) ?? [])
    .flatMap((v) => v.split(';'))
    .map((v) => v.trim())
    .filter(Boolean);
}

/** Every value of a repeated option as given (no `;` splitting: values may hold `;`-free lists with commas). */
export function repeatedRaw(args: Args, key: string): string[] {
  return (args.all.get(key) ?? []).map((v) => v.trim()).filter(Boolean);
}

/** A comma-separated list (`a,b , c` → ['a', 'b', 'c']); [] when the option is absent. */
export function listValue(args: Args, key: string): string[] {
  return (args.values.get(key) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A number option (spaces and a decimal comma allowed: `1 000`, `0,5`); undefined when absent. */
export function numberValue(args: Args, key: string): number | undefined {
  const text = args.values.get(key);
  if (text === undefined) return undefined;
  const v = Number(text.replace(/[\s\u00a0]/g, '').replace(',', '.'));
  if (text.trim() === '' || !Number.isFinite(v)) throw new Error(`--${key}: ugyldig tall «${text}» / invalid number "${text}"`);
  return v;
}

/** `--years 2014[,2015]`: whole years. */
export function yearsValue(args: Args, key = 'years'): number[] {
  const years = listValue(args, key).map(Number);
  if (years.some((y) => !Number.isInteger(y))) throw new Error(`ugyldig --${key} / invalid --${key}`);
  return years;
}
