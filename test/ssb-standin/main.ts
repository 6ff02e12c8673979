/**
 * `npx tsx test/ssb-standin/main.ts --port 4360 [--max-cells N] [--enforce-cells N] [--calls N]
 * [--window S] [--slow-ms MS]`: runs the PxWebApi v2 stand-in until killed (Playwright starts it next
 * to the preview; `npm run ssb-standin` for trying the app by hand against it).
 */
import { startStandin } from './server';

const args = process.argv.slice(2);
const opt = (name: string): number | undefined => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : undefined;
};

const standin = await startStandin({
  port: opt('port') ?? 4360,
  maxCells: opt('max-cells'),
  enforceCells: opt('enforce-cells'),
  calls: opt('calls'),
  windowSec: opt('window'),
  slowMs: opt('slow-ms'),
});
process.stdout.write(`SSB-stand-in: ${standin.api}\n`);
const stop = () => void standin.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
