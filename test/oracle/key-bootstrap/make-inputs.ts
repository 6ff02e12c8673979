/** Writes data.csv and draws.csv for key-bootstrap.R: `npx tsx test/oracle/key-bootstrap/make-inputs.ts`. */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { B, SEED, crossCheckSetup, drawCounts } from './inputs';

const here = dirname(fileURLToPath(import.meta.url));
const { table, clusterUnits } = crossCheckSetup();
const names = ['kommune', 'aar', 'y', 'a', 'b', 'c', 'pop'];
const lines = [names.join(',')];
for (let i = 0; i < table.nRows; i++) {
  lines.push(
    names
      .map((n) => {
        const col = table.columns.get(n)!;
        return col.kind === 'string' ? col.values[i] : String(col.values[i]);
      })
      .join(','),
  );
}
writeFileSync(join(here, 'data.csv'), lines.join('\n') + '\n');
const draws = [['replication', ...clusterUnits].join(',')];
for (let b = 0; b < B; b++) draws.push([b, ...drawCounts(SEED, b, clusterUnits.length)].join(','));
writeFileSync(join(here, 'draws.csv'), draws.join('\n') + '\n');
