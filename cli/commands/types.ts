import type { Args } from '../args';

export interface Command {
  summary: string;
  /** Returns the process exit code. Writes JSON (with --json) or a readable table to stdout. */
  run(args: Args): Promise<number>;
}
