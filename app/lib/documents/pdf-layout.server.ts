import type PDFDocument from 'pdfkit';

/** Shared drawing state and helpers of the PDF renderer (pdf.server.ts, pdf-table.server.ts). */

export type Pdf = InstanceType<typeof PDFDocument>;
export type Struct = PDFKit.PDFStructureElement;

export type PdfContext = {
  pdf: Pdf;
  /** The tagged-PDF structure root (`Document`) that every block is added to. */
  root: Struct;
  /** Whether headings of levels 1–2 become bookmarks. */
  bookmarks: boolean;
};

export const FONT = {
  regular: 'OpenSans-Regular',
  semibold: 'OpenSans-SemiBold',
  bold: 'OpenSans-Bold',
} as const;

export type FontName = (typeof FONT)[keyof typeof FONT];

/** Sizes in points. A4 with 2.25 cm side margins and room for the running header and footer. */
export const STYLE = {
  margins: { top: 72, bottom: 72, left: 64, right: 64 },
  body: 10.5,
  small: 8.5,
  lineGap: 2,
  paragraphGap: 7,
  title: 17,
  heading: { 1: 15, 2: 13, 3: 11.5 },
  text: '#111111',
  muted: '#555555',
  rule: '#8a8a8a',
  cellBorder: '#6f6f6f',
  headerFill: '#e8e8e8',
  labelFill: '#f3f3f3',
  cellPadding: 4,
} as const;

export function contentLeft(pdf: Pdf): number {
  return pdf.page.margins.left;
}

export function contentWidth(pdf: Pdf): number {
  return pdf.page.width - pdf.page.margins.left - pdf.page.margins.right;
}

export function contentBottom(pdf: Pdf): number {
  return pdf.page.height - pdf.page.margins.bottom;
}

/** Height a page offers to content between the margins. */
export function pageBodyHeight(pdf: Pdf): number {
  return contentBottom(pdf) - pdf.page.margins.top;
}

/** Whether nothing has been drawn below the top margin on this page yet. */
export function atPageTop(pdf: Pdf): boolean {
  return pdf.y <= pdf.page.margins.top + 0.5;
}

/** Starts a new page unless `height` points still fit below the cursor (or the page is fresh). */
export function ensureSpace(pdf: Pdf, height: number): void {
  if (pdf.y + height > contentBottom(pdf) && !atPageTop(pdf)) newPage(pdf);
}

export function newPage(pdf: Pdf): void {
  pdf.addPage();
  pdf.x = contentLeft(pdf);
  pdf.y = pdf.page.margins.top;
}

export function setFont(pdf: Pdf, font: FontName, size: number, color: string = STYLE.text): void {
  pdf.font(font).fontSize(size).fillColor(color);
}

/** Height of `text` wrapped to `width` in `font` at `size`. */
export function measure(pdf: Pdf, text: string, font: FontName, size: number, width: number): number {
  pdf.font(font).fontSize(size);
  return pdf.heightOfString(text === '' ? ' ' : text, { width, lineGap: STYLE.lineGap });
}

/** Draws decoration (rules, fills, repeated headers) as an artifact, which screen readers skip. */
export function artifact(pdf: Pdf, draw: () => void, type: 'Pagination' | 'Layout' = 'Layout'): void {
  pdf.markContent('Artifact', { type });
  draw();
  pdf.endMarkedContent();
}

/** Adds a tagged structure element whose content is what `draw` puts on the page. */
export function tagged(parent: Struct, pdf: Pdf, tag: string, draw: () => void): void {
  const element = pdf.struct(tag, {}, [draw]);
  parent.add(element);
}
