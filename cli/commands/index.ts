/** Registry of CLI subcommands: each helper module adds one line here. */
import type { Command } from './types';

export const commands: Record<string, Command> = {};
import { allocateCommand } from './allocate';
commands.allocate = allocateCommand;
import { costKeyCommand } from './costkey';
commands.costkey = costKeyCommand;
import { run } from './run';
commands.run = run;
import { fitCommand } from './fit';
commands.fit = fitCommand;
import { importCommand, inspectCommand } from './import';
commands.import = importCommand;
commands.inspect = inspectCommand;
import { totalKeyCommand } from './totalkey';
commands.totalkey = totalKeyCommand;
import { fetchCommand } from './fetch';
commands.fetch = fetchCommand;
