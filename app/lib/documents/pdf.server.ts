import PDFDocument from 'pdfkit';
import { fontData, fontPath } from './fonts.server.ts';
import {
  type DocBlock,
  type DocModel,
  formatPageLabel,
  type RenderOptions,
  signaturesPerLine,
} from './model.ts';
import {
  artifact,
  contentBottom,
  contentLeft,
  contentWidth,
  ensureSpace,
  FONT,
  measure,
  newPage,
  type Pdf,
  type PdfContext,
  STYLE,
  setFont,
  tagged,
} from './pdf-layout.server.ts';
import { drawKeyValue, drawTable } from './pdf-table.server.ts';

/**
 * Renders a document model as an A4 PDF: Open Sans embedded (Polish letters render and copy
 * correctly), tagged structure (headings, paragraphs, lists, tables), document language and
 * title in the catalogue and metadata, running header and "page X of Y" footer as artifacts.
 */
export async function renderPdf(doc: DocModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const info: PDFKit.DocumentInfo = {
    Title: doc.title,
    Creator: 'Splot',
    Producer: 'Splot (PDFKit)',
    CreationDate: options.createdAt ?? new Date(),
  };
  if (doc.author) info.Author = doc.author;
  if (doc.subject) info.Subject = doc.subject;

  const pdf = new PDFDocument({
    size: 'A4',
    layout: doc.orientation ?? 'portrait',
    margins: STYLE.margins,
    pdfVersion: '1.7',
    tagged: true,
    lang: doc.language,
    displayTitle: true,
    bufferPages: true,
    // Our own font from the start, so no unembedded standard font is ever referenced.
    font: fontPath('regular'),
    info,
  });
  pdf.registerFont(FONT.regular, fontData('regular'));
  pdf.registerFont(FONT.semibold, fontData('semibold'));
  pdf.registerFont(FONT.bold, fontData('bold'));

  const chunks: Uint8Array[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    pdf.on('data', (chunk: Uint8Array) => chunks.push(chunk));
    pdf.on('end', () => resolve());
    pdf.on('error', reject);
  });

  const root = pdf.struct('Document');
  pdf.addStructure(root);
  // Bookmarks (which also open the viewer's sidebar) only for documents with sections.
  const sections = doc.blocks.filter((b) => b.kind === 'heading' && b.level < 3).length;
  const ctx: PdfContext = { pdf, root, bookmarks: sections >= 2 };

  if (doc.showTitle !== false) drawTitle(ctx, doc.title);
  for (const block of doc.blocks) drawBlock(ctx, block);
  root.end();

  drawRunningText(pdf, doc);
  pdf.end();
  await finished;
  return concat(chunks);
}

function drawBlock(ctx: PdfContext, block: DocBlock): void {
  const { pdf } = ctx;
  switch (block.kind) {
    case 'heading':
      drawHeading(ctx, block.level, block.text);
      break;
    case 'paragraph':
      drawParagraph(ctx, block.text, block.bold ?? false);
      break;
    case 'list':
      drawList(ctx, block.items, block.ordered ?? false);
      break;
    case 'table':
      drawTable(ctx, block);
      break;
    case 'keyValue':
      drawKeyValue(ctx, block);
      break;
    case 'signatures':
      drawSignatures(ctx, block.parties);
      break;
    case 'spacer': {
      const size = block.size ?? 12;
      if (pdf.y + size > contentBottom(pdf)) newPage(pdf);
      else pdf.y += size;
      break;
    }
    case 'pageBreak':
      newPage(pdf);
      break;
  }
}

function drawTitle(ctx: PdfContext, title: string): void {
  const { pdf } = ctx;
  tagged(ctx.root, pdf, 'H1', () => {
    setFont(pdf, FONT.bold, STYLE.title);
    pdf.text(title, contentLeft(pdf), pdf.y, { width: contentWidth(pdf), align: 'center', lineGap: 2 });
  });
  pdf.y += 14;
}

function drawHeading(ctx: PdfContext, level: 1 | 2 | 3, text: string): void {
  const { pdf } = ctx;
  const size = STYLE.heading[level];
  const font = level === 3 ? FONT.semibold : FONT.bold;
  const before = level === 1 ? 14 : level === 2 ? 10 : 6;
  const height = measure(pdf, text, font, size, contentWidth(pdf));
  // Keep a heading with at least three lines of what follows it.
  ensureSpace(pdf, before + height + 3 * (STYLE.body + STYLE.lineGap + 3));
  if (pdf.y > pdf.page.margins.top) pdf.y += before;
  if (ctx.bookmarks && level < 3) pdf.outline.addItem(text);
  tagged(ctx.root, pdf, `H${level}`, () => {
    setFont(pdf, font, size);
    pdf.text(text, contentLeft(pdf), pdf.y, { width: contentWidth(pdf), lineGap: STYLE.lineGap });
  });
  pdf.y += 4;
}

function drawParagraph(ctx: PdfContext, text: string, bold: boolean): void {
  const { pdf } = ctx;
  const font = bold ? FONT.bold : FONT.regular;
  // Avoid a lone first line at the foot of a page.
  ensureSpace(pdf, Math.min(measure(pdf, text, font, STYLE.body, contentWidth(pdf)), 2 * (STYLE.body + 5)));
  tagged(ctx.root, pdf, 'P', () => {
    setFont(pdf, font, STYLE.body);
    pdf.text(text, contentLeft(pdf), pdf.y, { width: contentWidth(pdf), lineGap: STYLE.lineGap });
  });
  pdf.y += STYLE.paragraphGap;
}

function drawList(ctx: PdfContext, items: string[], ordered: boolean): void {
  const { pdf } = ctx;
  const indent = ordered ? 22 : 16;
  const left = contentLeft(pdf) + 6;
  const width = contentWidth(pdf) - 6 - indent;
  const list = pdf.struct('L');
  ctx.root.add(list);
  items.forEach((item, i) => {
    const height = measure(pdf, item, FONT.regular, STYLE.body, width);
    ensureSpace(pdf, Math.min(height, 2 * (STYLE.body + 5)));
    const top = pdf.y;
    const li = pdf.struct('LI');
    list.add(li);
    tagged(li, pdf, 'Lbl', () => {
      setFont(pdf, FONT.regular, STYLE.body);
      pdf.text(ordered ? `${i + 1}.` : '•', left, top, { width: indent, lineBreak: false });
    });
    pdf.y = top;
    tagged(li, pdf, 'LBody', () => {
      setFont(pdf, FONT.regular, STYLE.body);
      pdf.text(item, left + indent, top, { width, lineGap: STYLE.lineGap });
    });
    li.end();
    pdf.y += 3;
  });
  list.end();
  pdf.x = contentLeft(pdf);
  pdf.y += STYLE.paragraphGap - 3;
}

function drawSignatures(ctx: PdfContext, parties: { name: string; role?: string }[]): void {
  const { pdf } = ctx;
  const columns = Math.max(signaturesPerLine(parties.length), 2);
  const columnWidth = contentWidth(pdf) / columns;
  const lineWidth = Math.min(columnWidth - 24, 200);
  const signingSpace = 52;
  const section = pdf.struct('Div');
  ctx.root.add(section);

  for (let start = 0; start < parties.length; start += signaturesPerLine(parties.length)) {
    const group = parties.slice(start, start + signaturesPerLine(parties.length));
    const textHeight = Math.max(
      ...group.map(
        (p) =>
          measure(pdf, p.name, FONT.semibold, STYLE.body, lineWidth) +
          (p.role ? measure(pdf, p.role, FONT.regular, STYLE.small, lineWidth) : 0),
      ),
    );
    ensureSpace(pdf, signingSpace + 6 + textHeight);
    const lineY = pdf.y + signingSpace;
    // A single party signs on the right, as on a letter; a shorter last line is centred.
    const firstColumn = group.length === 1 ? columns - 1 : (columns - group.length) / 2;
    group.forEach((party, i) => {
      const x = contentLeft(pdf) + (firstColumn + i) * columnWidth + (columnWidth - lineWidth) / 2;
      artifact(pdf, () => {
        pdf
          .moveTo(x, lineY)
          .lineTo(x + lineWidth, lineY)
          .dash(1.5, { space: 2 })
          .lineWidth(0.8)
          .stroke(STYLE.text)
          .undash();
      });
      tagged(section, pdf, 'P', () => {
        setFont(pdf, FONT.semibold, STYLE.body);
        pdf.text(party.name, x, lineY + 5, { width: lineWidth, align: 'center', lineGap: STYLE.lineGap });
        if (party.role) {
          setFont(pdf, FONT.regular, STYLE.small, STYLE.muted);
          pdf.text(party.role, x, pdf.y, { width: lineWidth, align: 'center' });
        }
      });
    });
    pdf.x = contentLeft(pdf);
    pdf.y = lineY + 6 + textHeight + 18;
  }
  section.end();
}

/** Header, footer and page label on every page, drawn once the page count is known. */
function drawRunningText(pdf: Pdf, doc: DocModel): void {
  if (!doc.header && !doc.footer && !doc.footerPageTemplate) return;
  const range = pdf.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    pdf.switchToPage(range.start + i);
    const margins = pdf.page.margins;
    // Text below the bottom margin would otherwise start a new page.
    pdf.page.margins = { ...margins, top: 0, bottom: 0 };
    const left = margins.left;
    const width = pdf.page.width - margins.left - margins.right;
    const footerY = pdf.page.height - margins.bottom + 26;
    artifact(
      pdf,
      () => {
        if (doc.header) {
          setFont(pdf, FONT.regular, STYLE.small, STYLE.muted);
          pdf.text(doc.header, left, margins.top - 38, { width, lineBreak: false, ellipsis: true });
          pdf
            .moveTo(left, margins.top - 22)
            .lineTo(left + width, margins.top - 22)
            .lineWidth(0.5)
            .stroke(STYLE.rule);
        }
        if (!doc.footer && !doc.footerPageTemplate) return;
        pdf
          .moveTo(left, footerY - 8)
          .lineTo(left + width, footerY - 8)
          .lineWidth(0.5)
          .stroke(STYLE.rule);
        setFont(pdf, FONT.regular, STYLE.small, STYLE.muted);
        const label = doc.footerPageTemplate
          ? formatPageLabel(doc.footerPageTemplate, i + 1, range.count)
          : '';
        const labelWidth = label ? pdf.widthOfString(label) + 2 : 0;
        if (doc.footer) {
          pdf.text(doc.footer, left, footerY, {
            width: width - labelWidth - 12,
            lineBreak: false,
            ellipsis: true,
          });
        }
        if (label)
          pdf.text(label, left + width - labelWidth, footerY, { width: labelWidth, lineBreak: false });
      },
      'Pagination',
    );
    pdf.page.margins = margins;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.length;
  }
  return out;
}
