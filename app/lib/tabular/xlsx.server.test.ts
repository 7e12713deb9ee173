import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toXlsx } from './xlsx.server.ts';

async function readBack(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('toXlsx', () => {
  it('writes a workbook that reads back with the same values, a bold frozen header and real dates', async () => {
    const due = new Date('2027-03-05T00:00:00Z');
    const meeting = new Date('2027-07-01T08:30:00Z'); // 10:30 in Warsaw (CEST)
    const bytes = await toXlsx([
      {
        name: 'Podmioty',
        header: ['Nazwa', 'Liczba członków', 'Termin', 'Spotkanie', 'Uwagi'],
        rows: [
          ['Stowarzyszenie Łąka; Gmina Kwilcz', 12, due, meeting, null],
          ['=SUM(A1)', 3.5, null, null, 'ŻŹĆ, "cytat"'],
        ],
      },
      { name: 'Gminy: [lista]/2027', header: ['Gmina'], rows: [['Kwilcz']], columnWidths: [30] },
    ]);
    expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]); // a zip, as every .xlsx

    const workbook = await readBack(bytes);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Podmioty', 'Gminy lista 2027']);

    const sheet = workbook.getWorksheet('Podmioty')!;
    expect(sheet.getRow(1).values).toEqual([
      undefined,
      'Nazwa',
      'Liczba członków',
      'Termin',
      'Spotkanie',
      'Uwagi',
    ]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });

    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe('Stowarzyszenie Łąka; Gmina Kwilcz');
    expect(row.getCell(2).value).toBe(12);
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(3).type).toBe(ExcelJS.ValueType.Date);
    expect(row.getCell(3).value).toEqual(due);
    expect(row.getCell(3).numFmt).toBe('dd.mm.yyyy');
    // An instant is shown as Warsaw wall-clock time.
    expect(row.getCell(4).value).toEqual(new Date('2027-07-01T10:30:00Z'));
    expect(row.getCell(4).numFmt).toBe('dd.mm.yyyy hh:mm');
    expect(row.getCell(5).value).toBeNull();

    const second = sheet.getRow(3);
    expect(second.getCell(1).value).toBe('=SUM(A1)'); // text, not a formula
    expect(second.getCell(1).type).toBe(ExcelJS.ValueType.String);
    expect(second.getCell(2).value).toBe(3.5);
    expect(second.getCell(5).value).toBe('ŻŹĆ, "cytat"');

    expect(sheet.getColumn(1).width).toBe('Stowarzyszenie Łąka; Gmina Kwilcz'.length + 2);
    expect(sheet.getColumn(2).width).toBe('Liczba członków'.length + 2);
    expect(workbook.getWorksheet('Gminy lista 2027')!.getColumn(1).width).toBe(30);
  });

  it('makes sheet names Excel accepts: unique, at most 31 characters, never empty', async () => {
    const long = 'Bardzo długa nazwa arkusza z wynikami naboru';
    const workbook = await readBack(
      await toXlsx([
        { name: long, header: ['a'], rows: [] },
        { name: long, header: ['a'], rows: [] },
        { name: '', header: ['a'], rows: [] },
      ]),
    );
    const names = workbook.worksheets.map((w) => w.name);
    expect(names).toEqual([long.slice(0, 31), `${long.slice(0, 27)} (2)`, 'Arkusz']);
  });
});
