/**
 * How a CLI command is declared: its options (checked before it runs, see options.ts) and its body.
 * `--help` prints the options. The analysis commands turn their arguments into an AnalysisSpec and run
 * it through the worker's Pipeline (analysis.ts); `--print-spec` prints that spec instead.
 */
import type { Args } from './args';
import { checkArgs, COMMON_OPTIONS, usageText, type OptionDef } from './options';
import type { Command } from './commands/types';

export interface CommandDef {
  name: string;
  summary: string;
  options: OptionDef[];
  positional?: string;
  run(args: Args): Promise<number>;
}

export function defineCommand(def: CommandDef): Command {
  const options = [...def.options, ...COMMON_OPTIONS.filter((c) => !def.options.some((o) => o.name === c.name))];
  return {
    summary: def.summary,
    options,
    positional: def.positional,
    async run(args) {
      if (args.flags.has('help')) {
        process.stdout.write(usageText(def.name, def.summary, options, def.positional));
        return 0;
      }
      checkArgs(args, options, def.positional);
      return def.run(args);
    },
  };
}
