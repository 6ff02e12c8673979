/**
 * A population of −5 000 or 0 through the command line: `analyze costkey` in a real process on the
 * baseline case's data with two municipalities' populations made impossible. Each is named with its
 * own message (zero or negative), not «mangler verdi», on stderr as a warning; the key is computed
 * for the others and the process exits 0 (a warning is not an error).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'kl-population-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The baseline data with Oslo's 2022 population −5 000 and Eigersund's 0. */
function impossiblePopulations(): string {
  const lines = readFileSync(join(root, 'test/oracle/cases/costkey-baseline/data.csv'), 'utf8').trimEnd().split('\n');
  const col = lines[0].split(',').indexOf('innbyggere');
  const set = (kommune: string, value: string) => {
    const i = lines.findIndex((l) => l.startsWith(`${kommune},`) && l.split(',')[2] === '2022');
    const cells = lines[i].split(',');
    cells[col] = value;
    lines[i] = cells.join(',');
  };
  set('0301', '-5000');
  set('1101', '0');
  return lines.join('\n') + '\n';
}

describe('analyze costkey with a zero or negative population', () => {
  it('names each impossible population as such, computes the key for the others, exit 0', { timeout: 180_000 }, () => {
    const data = join(dir, 'data.csv');
    writeFileSync(data, impossiblePopulations());
    const out = spawnSync(
      process.execPath,
      [
        '--import', 'tsx', join(root, 'cli/analyze.ts'), 'costkey',
        '--data', data, '--unit', 'kommune', '--name', 'navn', '--year', 'aar', '--years', '2022',
        '--formula', 'utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + frie_inntekter',
        '--controls', 'frie_inntekter', '--population', 'innbyggere', '--method', 'coefficient',
        '--y-unit-nok', '1000', '--json',
      ],
      { cwd: root, encoding: 'utf8', maxBuffer: 64 << 20 },
    );
    expect(out.status, out.stderr).toBe(0);
    expect(out.stderr).toContain('warning: Enhet 0301 har befolkning −5000 (null eller negativ) og får ingen indeks.');
    expect(out.stderr).toContain('warning: Enhet 1101 har befolkning 0 (null eller negativ) og får ingen indeks.');
    expect(out.stderr).not.toMatch(/Enhet (0301|1101) mangler verdi/);
    const json = JSON.parse(out.stdout) as { units: { unit: string }[]; problems: { code: string; where?: { unit?: string } }[] };
    const units = json.units.map((u) => u.unit);
    expect(units).not.toContain('0301');
    expect(units).not.toContain('1101');
    expect(units).toContain('1103');
    expect(json.problems.filter((p) => p.code === 'population-not-positive').map((p) => p.where?.unit).sort()).toEqual(['0301', '1101']);
  });
});
