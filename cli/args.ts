/** `--key value` / `--flag` parser shared by the CLI subcommands. Repeated keys keep the last value. */
export interface Args {
  values: Map<string, string>;
  flags: Set<string>;
  positional: string[];
}

const BOOLEAN_FLAGS = new Set(['json', 'help', 'embed-data', 'verbose', 'no-intercept']);

export function parseArgs(argv: string[]): Args {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      if (eq > 0) {
        values.set(a.slice(2, eq), a.slice(eq + 1));
        continue;
      }
      const key = a.slice(2);
      const next = argv[i + 1];
      if (BOOLEAN_FLAGS.has(key) || next === undefined || next.startsWith('--')) flags.add(key);
      else {
        values.set(key, next);
        i++;
      }
    } else positional.push(a);
  }
  return { values, flags, positional };
}

export function required(args: Args, key: string): string {
  const v = args.values.get(key);
  if (v === undefined || v === '') throw new Error(`mangler --${key} / missing --${key}`);
  return v;
}
