/** Registry of CLI subcommands: each helper module adds one line here. */
import type { Command } from './types';

export const commands: Record<string, Command> = {};
