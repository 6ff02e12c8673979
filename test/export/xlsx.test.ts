import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tablesToXlsx, numberFormat, sheetName } from '../../src/export/xlsx';
import { buildRegressionTable } from '../../src/export/regressionTable';
import { describeSpec } from '../../src/export/describeSpec';
import { demoSpec, HOSTILE, hostileTable, table6col1, table6col5 } from './fixtures';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb;
}

describe('numberFormat', () => {
  it('carries stars and parentheses in the format so values stay numbers', () => {
    expect(numberFormat({ value: 27.55, format: 'significant', digits: 4, stars: '**' })).toBe('0.00"**"');
    expect(numberFormat({ value: 13.81, format: 'significant', digits: 4, parens: true })).toBe('"("0.00")"');
    expect(numberFormat({ value: 1701, format: 'integer' })).toBe('#,##0');
    expect(numberFormat({ value: 0.075, format: 'decimal', digits: 3 })).toBe('#,##0.000');
    expect(numberFormat({ value: 0.1, format: 'percent', digits: 1 })).toBe('0.0%');
  });
});

describe('sheetName', () => {
  it('strips forbidden characters, truncates to 31 and de-duplicates', () => {
    const used = new Set<string>();
    expect(sheetName('a/b:c*d?[e]', used)).toBe('a b c d e');
    const long = 'x'.repeat(40);
    expect(sheetName(long, used)).toHaveLength(31);
    const second = sheetName(long, used);
    expect(second).toHaveLength(31);
    expect(second.endsWith('(2)')).toBe(true);
  });
});

describe('tablesToXlsx read back with exceljs', () => {
  it('writes one sheet per table plus an about sheet with numbers, formats and neutralised text', async () => {
    const reg = buildRegressionTable(
      [
        { label: 'Dagens', result: table6col1 },
        { label: 'PHV', result: table6col5 },
      ],
      { title: 'Tabell 6: barnevern', lang: 'nb', labels: { enslig: 'Enslig forsørger' } },
    );
    const spec = demoSpec();
    const bytes = await tablesToXlsx([reg, hostileTable()], {
      lang: 'nb',
      description: describeSpec(spec, 'nb'),
      createdAt: new Date('2024-05-01T12:00:00Z'),
    });
    const wb = await readBack(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tabell 6 barnevern', 'Omfordeling per kommune', 'Om analysen']);

    const ws = wb.worksheets[0];
    expect(ws.getCell('A1').value).toBe('Tabell 6: barnevern');
    expect(ws.getRow(2).values).toEqual([undefined, 'Variabel', '(1) Dagens', '(2) PHV']);
    // Row 3: first coefficient; row 4 its SE.
    expect(ws.getCell('A3').value).toBe('Enslig forsørger');
    expect(ws.getCell('B3').value).toBe(27.55);
    expect(ws.getCell('B3').numFmt).toBe('0.00"**"');
    expect(ws.getCell('B4').value).toBe(13.81);
    expect(ws.getCell('B4').numFmt).toBe('"("0.00")"');
    let nRow = 0;
    ws.eachRow((r, i) => {
      if (r.getCell(1).value === 'Observasjoner') nRow = i;
    });
    expect(ws.getCell(nRow, 2).value).toBe(1701);
    expect(ws.getCell(nRow, 3).value).toBe(1672);

    const h = wb.worksheets[1];
    const labels: unknown[] = [];
    const byLabel = new Map<string, ExcelJS.Row>();
    h.eachRow((r) => {
      // XML has no bare CR: exceljs reads it back as LF, which is harmless after the prefix.
      const v = typeof r.getCell(1).value === 'string' ? (r.getCell(1).value as string).replace(/\r\n?|\n/g, '\r') : r.getCell(1).value;
      labels.push(v);
      byLabel.set(String(v), r);
    });
    for (const x of HOSTILE) {
      const expected = x.startsWith('<') ? x : `'${x}`;
      expect(labels).toContain(expected);
      const row = byLabel.get(expected)!;
      expect(typeof row.getCell(2).value).toBe('number'); // negative number stays a number
      expect(row.getCell(2).value as number).toBeLessThan(0);
      expect(String(row.getCell(5).value).replace(/\r\n?|\n/g, '\r')).toBe(expected);
    }
    for (const l of labels) if (typeof l === 'string') expect(l).not.toMatch(/^[=+\-@\t\r]/);
    const oslo = byLabel.get('0301 Oslo')!;
    expect(oslo.getCell(3).value).toBe(1234567);
    expect(oslo.getCell(3).numFmt).toBe('#,##0" kr"');
    expect(oslo.getCell(4).numFmt).toBe('0.0%');
    expect(labels).toContain('Syntetiske data – ikke virkelige tall.');

    const about = wb.worksheets[2];
    const aboutText: string[] = [];
    about.eachRow((r) => aboutText.push(`${r.getCell(1).value}|${r.getCell(2).value ?? ''}`));
    expect(aboutText.join('\n')).toContain('Modell: Dagens modell|utg_bv ~ enslig_forsorger + lavinntekt + innb_0_22 + frie_inntekter');
    expect(aboutText.join('\n')).toContain('kostra_æøå.csv (csv) (syntetiske demodata)');
    expect(aboutText.join('\n')).toContain('2024-05-01T12:00:00.000Z');
    expect(aboutText.join('\n')).toContain('Syntetiske data');
  });
});
