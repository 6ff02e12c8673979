import type { Args } from '../args';
import type { OptionDef } from '../options';

export interface Command {
  summary: string;
  /** Every option the command takes (the common ones included): anything else is refused. */
  options: OptionDef[];
  /** Names the free arguments when the command takes any (e.g. `FILE...`). */
  positional?: string;
  /** Returns the process exit code. Writes JSON (with --json) or a readable table to stdout.
   *  Checks the arguments against `options` first and throws a UsageError when they do not fit. */
  run(args: Args): Promise<number>;
}
