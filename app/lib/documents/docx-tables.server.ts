import {
  AlignmentType,
  BorderStyle,
  HeightRule,
  Paragraph,
  ShadingType,
  Table,
  TableBorders,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { type DocBlock, relativeWidths, signaturesPerLine } from './model.ts';

/** Styles and tables of the Word renderer (docx.server.ts). */

/** Twentieths of a point, Word's unit for sizes on the page. */
export const TWIPS_PER_POINT = 20;
export const A4 = { width: 11906, height: 16838 };
export const MARGIN = { top: 1440, bottom: 1440, left: 1280, right: 1280, header: 640, footer: 640 };
/**
 * Word documents name their font rather than embed it: Arial is on every Windows and macOS
 * machine (LibreOffice substitutes the metric-compatible Liberation Sans) and has all Polish letters.
 */
export const FONT = 'Arial';
/** Half-points. */
export const SIZE = { body: 21, small: 17, h1: 30, h2: 26, h3: 23 };
export const COLOUR = {
  text: '111111',
  muted: '555555',
  border: '6F6F6F',
  headerFill: 'E8E8E8',
  labelFill: 'F3F3F3',
};

function twipWidths(relative: (number | undefined)[], total: number): number[] {
  return relativeWidths(relative, total).map(Math.round);
}

const CELL_MARGINS = { top: 60, bottom: 60, left: 90, right: 90 };
const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: COLOUR.border };
const GRID_BORDERS = {
  top: CELL_BORDER,
  bottom: CELL_BORDER,
  left: CELL_BORDER,
  right: CELL_BORDER,
  insideHorizontal: CELL_BORDER,
  insideVertical: CELL_BORDER,
};

function cell(
  text: string,
  width: number,
  opts: { bold?: boolean; fill?: string; align?: 'left' | 'right' },
) {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    margins: CELL_MARGINS,
    ...(opts.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: opts.fill } } : {}),
    children: text.split('\n').map(
      (line) =>
        new Paragraph({
          spacing: { after: 0 },
          alignment: opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
          children: [new TextRun({ text: line, ...(opts.bold ? { bold: true } : {}) })],
        }),
    ),
  });
}

export function dataTable(block: Extract<DocBlock, { kind: 'table' }>, textWidth: number): Table {
  const widths = twipWidths(
    block.columns.map((c) => c.width),
    textWidth,
  );
  // The header row is always marked as one (Word's accessibility checker asks for it), and so repeats.
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: block.columns.map((c, i) =>
      cell(c.header, widths[i]!, { bold: true, fill: COLOUR.headerFill, align: c.align }),
    ),
  });
  const rows = block.rows.map(
    (values) =>
      new TableRow({
        cantSplit: true,
        ...(block.rowHeight
          ? { height: { value: block.rowHeight * TWIPS_PER_POINT, rule: HeightRule.ATLEAST } }
          : {}),
        children: block.columns.map((c, i) => cell(values[i] ?? '', widths[i]!, { align: c.align })),
      }),
  );
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID_BORDERS,
    rows: [header, ...rows],
  });
}

export function keyValueTable(pairs: { label: string; value: string }[], textWidth: number): Table {
  const widths = twipWidths([1, 2], textWidth);
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: GRID_BORDERS,
    rows: pairs.map(
      (p) =>
        new TableRow({
          cantSplit: true,
          children: [
            cell(p.label, widths[0]!, { bold: true, fill: COLOUR.labelFill }),
            cell(p.value, widths[1]!, {}),
          ],
        }),
    ),
  });
}

export function signatureTable(parties: { name: string; role?: string }[], textWidth: number): Table {
  const perRow = signaturesPerLine(parties.length);
  const columns = Math.max(perRow, 2);
  const width = Math.round(textWidth / columns);
  const rows: TableRow[] = [];
  for (let start = 0; start < parties.length; start += perRow) {
    const group = parties.slice(start, start + perRow);
    // A single party signs on the right, as on a letter.
    const padded: ({ name: string; role?: string } | null)[] =
      group.length === 1 && columns === 2 ? [null, group[0]!] : [...group];
    while (padded.length < columns) padded.push(null);
    rows.push(
      new TableRow({
        cantSplit: true,
        children: padded.map(
          (party) =>
            new TableCell({
              width: { size: width, type: WidthType.DXA },
              margins: { top: 0, bottom: 240, left: 360, right: 360 },
              children: party ? signatureLines(party) : [new Paragraph({})],
            }),
        ),
      }),
    );
  }
  return new Table({
    width: { size: width * columns, type: WidthType.DXA },
    columnWidths: Array.from({ length: columns }, () => width),
    borders: TableBorders.NONE,
    rows,
  });
}

function signatureLines(party: { name: string; role?: string }): Paragraph[] {
  const name = new Paragraph({
    alignment: AlignmentType.CENTER,
    // Room to sign, then a dotted line over the name.
    spacing: { before: 1000, after: 0 },
    border: { top: { style: BorderStyle.DOTTED, size: 8, color: COLOUR.text, space: 4 } },
    keepNext: true,
    children: [new TextRun({ text: party.name, bold: true })],
  });
  if (!party.role) return [name];
  return [
    name,
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 0 },
      children: [new TextRun({ text: party.role, size: SIZE.small, color: COLOUR.muted })],
    }),
  ];
}
