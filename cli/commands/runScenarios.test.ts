/**
 * `analyze -- run --project` with scenarios in the project: writes scenarios.xlsx
 * (one sheet per scenario and a comparison sheet) and scenarios.csv, and the JSON summary lists each
 * scenario with its identity check and the number of municipalities whose sign changes.
 */
import { afterAll, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { generateDemo } from '../../scripts/demo/index';
import { parseArgs } from '../args';
import { run } from './run';

const dir = mkdtempSync(join(tmpdir(), 'knl-run-scen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('run --project with scenarios', () => {
  it('writes the scenario comparison next to the other results', async () => {
    const demo = generateDemo();
    for (const f of demo.files) writeFileSync(join(dir, f.name), f.bytes);
    const spec = JSON.parse(demo.specJson);
    spec.scenarios = {
      list: [
        { id: 'p', label: 'Foreslått', source: { kind: 'proposed' } },
        { id: 's', label: 'Sosialhjelp', source: { kind: 'model', modelId: 'sh_dagens' } },
        { id: 't', label: 'Typed', source: { kind: 'weights', weights: { __basic__: 0.5, andel_0_22: 0.3, lavinntekt_pi: 0.2 } } },
      ],
    };
    const project = join(dir, 'proj.json');
    writeFileSync(project, JSON.stringify(spec));
    const out = join(dir, 'out');
    let printed = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      printed += String(chunk);
      return true;
    });
    try {
      await run.run(parseArgs(['--project', project, '--out', out, '--json']));
    } finally {
      spy.mockRestore();
    }
    const summary = JSON.parse(printed);
    expect(summary.files).toContain('scenarios.xlsx');
    expect(summary.files).toContain('scenarios.csv');
    expect(summary.scenarios.list.map((x: { id: string }) => x.id)).toEqual(['p', 's', 't']);
    for (const x of summary.scenarios.list) expect(x.ok, x.label).toBe(true);
    expect(summary.scenarios.signChanges).toBeGreaterThan(0);
    expect(summary.scenarios.against).toBeTruthy();

    const wb = new ExcelJS.Workbook();
    const bytes = readFileSync(join(out, 'scenarios.xlsx'));
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Scenario Foreslått', 'Scenario Sosialhjelp', 'Scenario Typed', 'Sammenligning av scenarioer']);
    const csv = readFileSync(join(out, 'scenarios.csv'), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('Sammenligning av scenarioer');
    // results.json carries the per-municipality arrays of every scenario.
    const res = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(res.scenarios.scenarios).toHaveLength(3);
    expect(res.scenarios.scenarios[2].outcome.changePerCapita).toHaveLength(res.scenarios.units.length);
  }, 180_000);
});
