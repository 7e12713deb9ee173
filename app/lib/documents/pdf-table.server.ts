import { type DocBlock, relativeWidths } from './model.ts';
import {
  artifact,
  atPageTop,
  contentBottom,
  contentLeft,
  contentWidth,
  FONT,
  type FontName,
  measure,
  newPage,
  type Pdf,
  type PdfContext,
  pageBodyHeight,
  STYLE,
  type Struct,
  setFont,
} from './pdf-layout.server.ts';

type TableBlock = Extract<DocBlock, { kind: 'table' }>;
type KeyValueBlock = Extract<DocBlock, { kind: 'keyValue' }>;

type Cell = {
  text: string;
  font: FontName;
  align: 'left' | 'right';
  fill?: string;
  /** TH cells head a column (the header row) or a row (a key-value label). */
  tag: 'TH' | 'TD';
  scope?: 'Column' | 'Row';
};

type Row = { cells: Cell[]; minHeight: number };

function rowHeight(pdf: Pdf, row: Row, widths: number[]): number {
  const pad = STYLE.cellPadding;
  const textHeights = row.cells.map((cell, i) =>
    measure(pdf, cell.text, cell.font, STYLE.body, widths[i]! - 2 * pad),
  );
  return Math.max(row.minHeight, Math.max(...textHeights) + 2 * pad);
}

/**
 * Draws one row at the cursor. Tagged as TR > TH/TD under `parent`, or as an artifact when
 * `parent` is null (a header row repeated on a later page: read once, shown on every page).
 */
function drawRow(pdf: Pdf, parent: Struct | null, row: Row, widths: number[], height: number): void {
  const pad = STYLE.cellPadding;
  const top = pdf.y;
  const left = contentLeft(pdf);
  // A row taller than a whole page (very long text) is cut short with an ellipsis.
  const available = contentBottom(pdf) - top;
  const clipped = height > available;
  const drawnHeight = clipped ? available : height;

  artifact(pdf, () => {
    let x = left;
    row.cells.forEach((cell, i) => {
      const w = widths[i]!;
      if (cell.fill) pdf.rect(x, top, w, drawnHeight).fill(cell.fill);
      pdf.lineWidth(0.6).rect(x, top, w, drawnHeight).stroke(STYLE.cellBorder);
      x += w;
    });
  });

  const drawCell = (cell: Cell, x: number, w: number) => () => {
    setFont(pdf, cell.font, STYLE.body);
    pdf.text(cell.text, x + pad, top + pad, {
      width: w - 2 * pad,
      align: cell.align,
      lineGap: STYLE.lineGap,
      ...(clipped ? { height: drawnHeight - 2 * pad, ellipsis: true } : {}),
    });
  };

  const tr = parent ? pdf.struct('TR') : null;
  if (parent && tr) parent.add(tr);
  let x = left;
  row.cells.forEach((cell, i) => {
    const w = widths[i]!;
    if (tr) {
      const options: PDFKit.Mixins.StructureElementOptions & { scope?: string } = cell.scope
        ? { scope: cell.scope }
        : {};
      tr.add(pdf.struct(cell.tag, options, [drawCell(cell, x, w)]));
    } else {
      artifact(pdf, drawCell(cell, x, w), 'Pagination');
    }
    x += w;
  });
  tr?.end();

  pdf.x = left;
  pdf.y = top + drawnHeight;
}

export function drawTable(ctx: PdfContext, block: TableBlock): void {
  const { pdf } = ctx;
  const widths = relativeWidths(
    block.columns.map((c) => c.width),
    contentWidth(pdf),
  );
  const header: Row = {
    minHeight: 0,
    cells: block.columns.map((c) => ({
      text: c.header,
      font: FONT.bold,
      align: c.align ?? 'left',
      fill: STYLE.headerFill,
      tag: 'TH',
      scope: 'Column',
    })),
  };
  const body: Row[] = block.rows.map((cells) => ({
    minHeight: block.rowHeight ?? 0,
    cells: block.columns.map((c, i) => ({
      text: cells[i] ?? '',
      font: FONT.regular,
      align: c.align ?? 'left',
      tag: 'TD',
    })),
  }));
  layOut(ctx, widths, header, body, block.repeatHeader ?? false);
}

export function drawKeyValue(ctx: PdfContext, block: KeyValueBlock): void {
  const widths = relativeWidths([1, 2], contentWidth(ctx.pdf));
  const body: Row[] = block.rows.map((r) => ({
    minHeight: 0,
    cells: [
      { text: r.label, font: FONT.semibold, align: 'left', fill: STYLE.labelFill, tag: 'TH', scope: 'Row' },
      { text: r.value, font: FONT.regular, align: 'left', tag: 'TD' },
    ],
  }));
  layOut(ctx, widths, null, body, false);
}

/**
 * Lays rows out page by page: a row never splits across pages; the header row (if any) starts
 * the table, never stands alone at a page's foot, and repeats on each new page when asked.
 */
function layOut(ctx: PdfContext, widths: number[], header: Row | null, body: Row[], repeat: boolean): void {
  const { pdf } = ctx;
  const table = pdf.struct('Table');
  ctx.root.add(table);
  const headerHeight = header ? rowHeight(pdf, header, widths) : 0;
  const heights = body.map((row) => rowHeight(pdf, row, widths));

  // Keep the header with the first row.
  const firstBlock = headerHeight + (heights[0] ?? 0);
  if (pdf.y + firstBlock > contentBottom(pdf) && !atPageTop(pdf)) newPage(pdf);
  if (header) drawRow(pdf, table, header, widths, headerHeight);

  body.forEach((row, i) => {
    const height = heights[i]!;
    if (pdf.y + Math.min(height, pageBodyHeight(pdf)) > contentBottom(pdf) + 0.01 && !atPageTop(pdf)) {
      newPage(pdf);
      if (header && repeat) drawRow(pdf, null, header, widths, headerHeight);
    }
    drawRow(pdf, table, row, widths, height);
  });
  table.end();
  pdf.y += STYLE.paragraphGap + 4;
}
