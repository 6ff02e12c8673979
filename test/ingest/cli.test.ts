/** The headless import/inspect commands: tidy CSV, JSON report, stored mapping re-used from a spec. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../cli/args';
import { importCommand, inspectCommand } from '../../cli/commands/import';

function capture() {
  const out: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
  return { text: () => out.join(''), restore: () => spy.mockRestore() };
}

afterEach(() => vi.restoreAllMocks());

describe('analyze import / inspect', () => {
  const dir = mkdtempSync(join(tmpdir(), 'knl-import-'));
  const a = join(dir, 'a.csv');
  const b = join(dir, 'b.csv');
  writeFileSync(a, '"Tittel"\n\n"region";"år";"folk"\n"0101 Halden";"2019";"10"\n"0104 Moss";"2019";"5"\n"0136 Rygge";"2019";"7"\n');
  writeFileSync(b, 'kommune,aar,x\n3001,2019,1.5\n');

  it('writes a tidy CSV on the chosen structure and a JSON report', async () => {
    const out = join(dir, 'tidy.csv');
    const cap = capture();
    const code = await importCommand.run(parseArgs(['--files', a, b, '--structure', '2020', '--out', out, '--json']));
    cap.restore();
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('kommune,navn,aar,folk,x');
    expect(lines).toContain('3002,Moss,2019,12,');
    expect(lines.some((l) => l.startsWith('3001,Halden,2019,10,') || l === '3001,Halden,2019,10,1.5')).toBe(true);
    const report = JSON.parse(cap.text()) as { catalogue: { name: string }[]; validation: { sources: unknown[] } };
    expect(report.catalogue.map((c) => c.name)).toEqual(['folk', 'x']);
    expect(report.validation.sources).toHaveLength(2);
  });

  it('re-uses a stored mapping from --spec', async () => {
    const spec = join(dir, 'spec.json');
    writeFileSync(
      spec,
      JSON.stringify({ data: { sources: [{ id: 'a', fileName: 'a.csv', format: 'csv', mapping: { unitColumn: 'region', yearColumn: 'år', valueColumns: ['folk'], dimensionColumns: [], layout: 'long', fixedYear: null, variablePrefix: 'innbyggere' } }] } }),
    );
    const out = join(dir, 'tidy2.csv');
    const cap = capture();
    await importCommand.run(parseArgs(['--files', a, '--spec', spec, '--out', out]));
    cap.restore();
    expect(readFileSync(out, 'utf8').split('\n')[0]).toBe('kommune,navn,aar,innbyggere');
  });

  it('neutralises text cells that a spreadsheet would run as a formula', async () => {
    const hostile = join(dir, 'hostile.csv');
    writeFileSync(hostile, 'kommune;navn;aar;x\n0301;=HYPERLINK("http://x");2019;-1,5\n');
    const out = join(dir, 'tidy3.csv');
    const cap = capture();
    const code = await importCommand.run(parseArgs(['--files', hostile, '--out', out]));
    cap.restore();
    expect(code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[1]).toContain(`'=HYPERLINK`);
    // Numbers are never touched: a negative number is a number.
    expect(lines[1].endsWith(',-1.5')).toBe(true);
  });

  it('inspect prints what the importer made of each file', async () => {
    const cap = capture();
    const code = await inspectCommand.run(parseArgs([a, '--json']));
    cap.restore();
    expect(code).toBe(0);
    const [info] = JSON.parse(cap.text()) as Record<string, unknown>[];
    expect(info).toMatchObject({ file: 'a.csv', format: 'csv', delimiter: ';', layout: 'long', units: 3, unit_codes: ['0101', '0104', '0136'], years: [2019] });
    expect(info.variables).toEqual([{ name: 'folk', values: 3, missing: 0, suppressed: 0 }]);
  });
});
