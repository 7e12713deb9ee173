/**
 * XLSX export (exceljs): one worksheet per sheet, a bold frozen header row with filters,
 * numbers as numbers, dates as real Excel dates.
 *
 * Dates: a `Date` at exactly UTC midnight is a calendar date (how the app turns an ISO
 * `YYYY-MM-DD` into a `Date`) and is written as that day, `dd.mm.yyyy`. Any other `Date` is an
 * instant and is written as the Europe/Warsaw wall-clock time, `dd.mm.yyyy hh:mm`, because Excel
 * cells have no time zone and people here read Polish time.
 */
import ExcelJS from 'exceljs';

export type XlsxCell = string | number | Date | null;
export type XlsxSheet = { name: string; header: string[]; rows: XlsxCell[][]; columnWidths?: number[] };

const DATE_FORMAT = 'dd.mm.yyyy';
const DATE_TIME_FORMAT = 'dd.mm.yyyy hh:mm';
/** Excel refuses longer cell text. */
const MAX_CELL_CHARS = 32_767;
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export async function toXlsx(sheets: XlsxSheet[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Splot';
  const usedNames = new Set<string>();

  for (const sheet of sheets.length > 0 ? sheets : [{ name: '', header: [], rows: [] }]) {
    const worksheet = workbook.addWorksheet(sheetName(sheet.name, usedNames), {
      views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }],
    });
    const columnCount = Math.max(sheet.header.length, ...sheet.rows.map((r) => r.length));

    const headerRow = worksheet.addRow(sheet.header.map(cleanText));
    headerRow.font = { bold: true };
    headerRow.alignment = { vertical: 'middle', wrapText: true };

    for (const cells of sheet.rows) {
      const row = worksheet.addRow(cells.map(cellValue));
      cells.forEach((cell, i) => {
        if (cell instanceof Date && !Number.isNaN(cell.getTime())) {
          row.getCell(i + 1).numFmt = isCalendarDate(cell) ? DATE_FORMAT : DATE_TIME_FORMAT;
        }
      });
    }

    for (let i = 0; i < columnCount; i++) {
      worksheet.getColumn(i + 1).width = sheet.columnWidths?.[i] ?? autoWidth(sheet, i);
    }
    if (sheet.header.length > 0) {
      worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.header.length } };
    }
  }

  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as unknown as ArrayBuffer);
}

function cellValue(cell: XlsxCell): string | number | Date | null {
  if (cell === null) return null;
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return null;
    return isCalendarDate(cell) ? cell : warsawWallClock(cell);
  }
  // Text cells are stored as strings, never as formulas, so no formula-injection prefix is needed.
  return cleanText(cell);
}

/** Removes characters XML 1.0 cannot carry and cuts text to Excel's cell limit. */
function cleanText(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping exactly these is the point
  const clean = value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
  return clean.length > MAX_CELL_CHARS ? clean.slice(0, MAX_CELL_CHARS) : clean;
}

function isCalendarDate(d: Date): boolean {
  return (
    d.getUTCHours() === 0 &&
    d.getUTCMinutes() === 0 &&
    d.getUTCSeconds() === 0 &&
    d.getUTCMilliseconds() === 0
  );
}

const WARSAW = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Warsaw',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A Date whose UTC fields are the Warsaw wall-clock time of `instant` (exceljs writes UTC fields). */
function warsawWallClock(instant: Date): Date {
  const parts = Object.fromEntries(WARSAW.formatToParts(instant).map((p) => [p.type, p.value]));
  const n = (type: string) => Number(parts[type]);
  return new Date(Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second')));
}

function displayLength(cell: XlsxCell | undefined): number {
  if (cell === null || cell === undefined) return 0;
  if (cell instanceof Date) return isCalendarDate(cell) ? DATE_FORMAT.length : DATE_TIME_FORMAT.length;
  const text = String(cell);
  return Math.max(...text.split('\n').map((l) => l.length));
}

/** The longest of the header and the first 1,000 rows, plus padding, between 8 and 60 characters. */
function autoWidth(sheet: XlsxSheet, i: number): number {
  let longest = displayLength(sheet.header[i] ?? null);
  for (const row of sheet.rows.slice(0, 1000)) longest = Math.max(longest, displayLength(row[i]));
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2));
}

/** Excel sheet names: 1–31 characters, none of : \ / ? * [ ], no apostrophe at either end, unique. */
function sheetName(wanted: string, used: Set<string>): string {
  const base =
    wanted
      .replace(/[:\\/?*[\]]+/g, ' ')
      .replace(/\s+/g, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Arkusz';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, 31 - suffix.length)}${suffix}`;
  }
  used.add(name.toLowerCase());
  return name;
}
