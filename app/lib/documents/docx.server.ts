import {
  AlignmentType,
  Document,
  Footer,
  Header,
  HeadingLevel,
  LevelFormat,
  Packer,
  PageBreak,
  PageNumber,
  PageOrientation,
  Paragraph,
  type Table,
  TabStopType,
  TextRun,
} from 'docx';
import {
  A4,
  COLOUR,
  dataTable,
  FONT,
  keyValueTable,
  MARGIN,
  SIZE,
  signatureTable,
  TWIPS_PER_POINT,
} from './docx-tables.server.ts';
import { type DocBlock, type DocModel, parsePageTemplate, type RenderOptions } from './model.ts';

const ORDERED = 'splot-ordered';

type Child = Paragraph | Table;

/**
 * Renders a document model as a Word (.docx) file: real Heading 1–3 styles, tables with a
 * marked header row (which Word repeats on each page and screen readers announce), key-value
 * pairs as a two-column table, signature lines as a borderless table, document language set.
 */
export async function renderDocx(doc: DocModel, options: RenderOptions = {}): Promise<Uint8Array> {
  const landscape = doc.orientation === 'landscape';
  const textWidth = (landscape ? A4.height : A4.width) - MARGIN.left - MARGIN.right;
  const lang = doc.language === 'pl' ? 'pl-PL' : 'en-GB';
  let listInstance = 0;

  const children: Child[] = [];
  if (doc.showTitle !== false) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, alignment: AlignmentType.CENTER, text: doc.title }),
    );
  }
  for (const block of doc.blocks) {
    if (block.kind === 'list') listInstance++;
    children.push(...renderBlock(block, textWidth, listInstance));
  }

  const document = new Document({
    title: doc.title,
    creator: doc.author ?? '',
    subject: doc.subject ?? '',
    styles: {
      default: {
        document: {
          run: { font: FONT, size: SIZE.body, color: COLOUR.text, language: { value: lang } },
          paragraph: { spacing: { after: 120, line: 276 } },
        },
        heading1: headingStyle(SIZE.h1, 0, 280),
        heading2: headingStyle(SIZE.h2, 1, 220),
        heading3: headingStyle(SIZE.h3, 2, 160),
      },
    },
    numbering: {
      config: [
        {
          reference: ORDERED,
          levels: [
            {
              level: 0,
              format: LevelFormat.DECIMAL,
              text: '%1.',
              alignment: AlignmentType.START,
              style: { paragraph: { indent: { left: 500, hanging: 360 } } },
            },
          ],
        },
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: {
              width: A4.width,
              height: A4.height,
              orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
            },
            margin: MARGIN,
          },
        },
        headers: doc.header
          ? { default: new Header({ children: [smallParagraph([smallRun(doc.header)])] }) }
          : {},
        footers:
          doc.footer || doc.footerPageTemplate
            ? { default: new Footer({ children: [footerParagraph(doc, textWidth)] }) }
            : {},
        children,
      },
    ],
  });

  const core = corePropertiesXml(doc, lang, options.createdAt ?? new Date());
  const buffer = await Packer.toBuffer(document, false, [{ path: 'docProps/core.xml', data: core }]);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function headingStyle(size: number, outlineLevel: number, before: number) {
  return {
    run: { font: FONT, size, bold: true, color: COLOUR.text },
    paragraph: { spacing: { before, after: 120 }, keepNext: true, keepLines: true, outlineLevel },
  };
}

function renderBlock(block: DocBlock, textWidth: number, listInstance: number): Child[] {
  switch (block.kind) {
    case 'heading':
      return [new Paragraph({ heading: HEADINGS[block.level], text: block.text })];
    case 'paragraph':
      return [new Paragraph({ children: runs(block.text, block.bold ?? false) })];
    case 'list':
      return block.items.map(
        (item) =>
          new Paragraph({
            text: item,
            spacing: { after: 60 },
            ...(block.ordered
              ? { numbering: { reference: ORDERED, level: 0, instance: listInstance } }
              : { bullet: { level: 0 } }),
          }),
      );
    case 'table':
      return [dataTable(block, textWidth), new Paragraph({})];
    case 'keyValue':
      return [keyValueTable(block.rows, textWidth), new Paragraph({})];
    case 'signatures':
      return [signatureTable(block.parties, textWidth)];
    case 'spacer':
      return [new Paragraph({ spacing: { before: 0, after: (block.size ?? 12) * TWIPS_PER_POINT } })];
    case 'pageBreak':
      return [new Paragraph({ children: [new PageBreak()] })];
  }
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Runs of one paragraph, a line break for each newline in the text (Word ignores raw newlines). */
function runs(text: string, bold: boolean): TextRun[] {
  return text
    .split('\n')
    .map(
      (line, i) =>
        new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...(bold ? { bold: true } : {}) }),
    );
}

function smallRun(text: string): TextRun {
  return new TextRun({ text, size: SIZE.small, color: COLOUR.muted });
}

function smallParagraph(children: TextRun[], rightTab?: number): Paragraph {
  return new Paragraph({
    spacing: { after: 0 },
    children,
    ...(rightTab ? { tabStops: [{ type: TabStopType.RIGHT, position: rightTab }] } : {}),
  });
}

/** Footer text on the left, the page label ('Strona 2 z 5', from Word fields) on the right. */
function footerParagraph(doc: DocModel, textWidth: number): Paragraph {
  const runs: TextRun[] = [];
  if (doc.footer) runs.push(smallRun(doc.footer));
  if (doc.footerPageTemplate) {
    const parts = parsePageTemplate(doc.footerPageTemplate).map((part) =>
      part.kind === 'text' ? part.text : part.kind === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES,
    );
    runs.push(new TextRun({ children: ['\t', ...parts], size: SIZE.small, color: COLOUR.muted }));
  }
  return smallParagraph(runs, textWidth);
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** docProps/core.xml with the document's language and a fixed date (docx always writes "now"). */
function corePropertiesXml(doc: DocModel, lang: string, createdAt: Date): string {
  const date = createdAt.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const optional = [
    doc.subject ? `<dc:subject>${xml(doc.subject)}</dc:subject>` : '',
    doc.author ? `<dc:creator>${xml(doc.author)}</dc:creator>` : '',
  ].join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ' +
    'xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:title>${xml(doc.title)}</dc:title>${optional}<dc:language>${lang}</dc:language>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
