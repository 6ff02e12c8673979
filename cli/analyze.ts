/**
 * Headless entry: `npm run --silent analyze -- <command> [options]`. Each analysis command turns its
 * arguments into an AnalysisSpec and runs the dashboard worker's pipeline (cli/analysis.ts), so every
 * number the UI shows can be reproduced in a script. Each subcommand lives in cli/commands/<name>.ts
 * and is registered in cli/commands/index.ts. Exit codes: 0 done, 1 refused (bad options or values,
 * a model or key that cannot be computed), 2 unknown command.
 */
import { commands } from './commands/index';
import { parseArgs } from './args';
import { UsageError } from './options';
import { setPoolProvider } from '../src/pool/runner';
import { nodePool } from './pool/nodePool';

// Best subsets and the bootstraps run on worker_threads, one per core (os.availableParallelism()),
// made on the first such job; the numbers are those of one thread (src/engine/parallel/job.ts).
setPoolProvider(() => nodePool());

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(usage());
    return name ? 0 : 2;
  }
  const cmd = commands[name];
  if (!cmd) {
    process.stderr.write(`Ukjent kommando «${name}». / Unknown command "${name}".\n\n${usage()}`);
    return 2;
  }
  const args = parseArgs(rest);
  try {
    return await cmd.run(args);
  } catch (err) {
    process.stderr.write(`Feil / Error: ${err instanceof Error ? err.message : String(err)}\n`);
    if (err instanceof UsageError) process.stderr.write(`Se / see: npm run --silent analyze -- ${name} --help\n`);
    return 1;
  }
}

function usage(): string {
  const lines = Object.entries(commands).map(([n, c]) => `  ${n.padEnd(10)} ${c.summary}`);
  return `Kostnadsnøkkel-lab – headless analyse\n\nBruk / usage: npm run --silent analyze -- <command> [options]\n\n${lines.join('\n')}\n`;
}

main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .finally(() => setPoolProvider(null)); // the workers would keep the process alive
