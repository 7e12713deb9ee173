import { extractText, extractTextItems, getDocumentProxy, getMeta } from 'unpdf';
import { describe, expect, it } from 'vitest';
import type { DocBlock, DocModel } from './model.ts';
import { renderPdf } from './pdf.server.ts';

const createdAt = new Date('2027-01-15T10:00:00Z');
const POLISH = 'Zażółć gęślą jaźń – ZAŻÓŁĆ GĘŚLĄ JAŹŃ';

function agreement(blocks: DocBlock[] = [], extra: Partial<DocModel> = {}): DocModel {
  return {
    title: 'Umowa partnerska – Kwilcz',
    language: 'pl',
    author: 'Gmina Kwilcz',
    subject: 'Współpraca na rzecz ekonomii społecznej',
    header: 'Gmina Kwilcz',
    footer: 'Umowa nr 3/2027',
    footerPageTemplate: 'Strona {page} z {pages}',
    blocks: [
      { kind: 'heading', level: 2, text: '§ 1. Przedmiot umowy' },
      { kind: 'paragraph', text: POLISH },
      { kind: 'list', ordered: true, items: ['Gmina udostępnia lokal.', 'Spółdzielnia zatrudnia osoby.'] },
      { kind: 'keyValue', rows: [{ label: 'Partner wiodący', value: 'Gmina Kwilcz, ul. Ogrodowa 1' }] },
      {
        kind: 'signatures',
        parties: [{ name: 'Jan Kowalski', role: 'Wójt Gminy' }, { name: 'Żaneta Łęcka' }],
      },
      ...blocks,
    ],
    ...extra,
  };
}

async function open(bytes: Uint8Array) {
  const pdf = await getDocumentProxy(bytes.slice());
  const { text } = await extractText(pdf, { mergePages: false });
  return { pdf, pages: text };
}

type StructNode = { role?: string; children?: StructNode[] };

function roles(node: StructNode, out: string[] = []): string[] {
  if (node.role) out.push(node.role);
  for (const child of node.children ?? []) roles(child, out);
  return out;
}

const LINES = [0, 0, 3, 0, 1, 5, 0, 2, 0, 0, 1];

function attendanceList(rows: number, repeatHeader: boolean): DocBlock {
  return {
    kind: 'table',
    repeatHeader,
    rowHeight: 28,
    columns: [
      { header: 'Lp.', width: 0.5, align: 'right' },
      { header: 'Imię i nazwisko', width: 2 },
      { header: 'Instytucja', width: 2 },
      { header: 'Podpis', width: 1.5 },
    ],
    rows: Array.from({ length: rows }, (_, i) => [
      String(i + 1),
      `Uczestnik${i + 1} Żółkiewski`,
      // Rows of one to seven lines, so that rows meet the foot of a page at many different heights.
      `początek${i + 1} ${'Spółdzielnia Socjalna „Zielony Zakątek” '.repeat(LINES[i % LINES.length]!)}koniec${i + 1}`,
      '',
    ]),
  };
}

describe('renderPdf', () => {
  it('produces a valid PDF whose text carries Polish letters exactly', async () => {
    const bytes = await renderPdf(agreement(), { createdAt });
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 8))).toBe('%PDF-1.7');
    expect(new TextDecoder('latin1').decode(bytes.subarray(-6))).toContain('%%EOF');

    const { pages } = await open(bytes);
    const text = pages.join('\n');
    expect(text).toContain('Umowa partnerska – Kwilcz');
    expect(text).toContain('Zażółć gęślą jaźń');
    expect(text).toContain('ZAŻÓŁĆ GĘŚLĄ JAŹŃ');
    expect(text).toContain('Gmina udostępnia lokal.');
    expect(text).toContain('Żaneta Łęcka');
  });

  it('embeds its own font and never falls back to an unembedded standard font', async () => {
    const raw = new TextDecoder('latin1').decode(await renderPdf(agreement(), { createdAt }));
    const baseFonts = [...raw.matchAll(/\/BaseFont\s*\/([^\s/>]+)/g)].map((m) => m[1]);
    expect(baseFonts.length).toBeGreaterThan(0);
    for (const name of baseFonts) expect(name).toMatch(/\+OpenSans-/);
    expect(raw).toContain('/FontFile2');
    expect(raw).not.toContain('Helvetica');
  });

  it('writes title, author, subject and language, and asks viewers to show the title', async () => {
    const { pdf } = await open(await renderPdf(agreement(), { createdAt }));
    const { info } = await getMeta(pdf);
    expect(info.Title).toBe('Umowa partnerska – Kwilcz');
    expect(info.Author).toBe('Gmina Kwilcz');
    expect(info.Subject).toBe('Współpraca na rzecz ekonomii społecznej');
    expect(info.Language).toBe('pl');
    expect(await pdf.getViewerPreferences()).toMatchObject({ DisplayDocTitle: true });
  });

  it('is a tagged PDF with headings, paragraphs, lists and tables in its structure', async () => {
    const { pdf } = await open(await renderPdf(agreement([attendanceList(3, true)]), { createdAt }));
    expect(await pdf.getMarkInfo()).toMatchObject({ Marked: true });
    const page = await pdf.getPage(1);
    const found = roles((await page.getStructTree()) as StructNode);
    for (const role of ['Document', 'H1', 'H2', 'P', 'L', 'LI', 'Table', 'TR', 'TH', 'TD']) {
      expect(found).toContain(role);
    }
  });

  it('bookmarks the sections of a document that has several, and only then', async () => {
    const sections = agreement([{ kind: 'heading', level: 2, text: '§ 2. Obowiązki Stron' }]);
    const { pdf } = await open(await renderPdf(sections, { createdAt }));
    const outline = (await pdf.getOutline()) ?? [];
    expect(outline.map((item) => item.title)).toEqual(['§ 1. Przedmiot umowy', '§ 2. Obowiązki Stron']);

    const single = await open(await renderPdf(agreement(), { createdAt }));
    expect((await single.pdf.getOutline()) ?? []).toEqual([]);
  });

  it('repeats the header row on every page of a long table and never splits a row', async () => {
    const rows = 60;
    const { pages } = await open(await renderPdf(agreement([attendanceList(rows, true)]), { createdAt }));
    expect(pages.length).toBeGreaterThanOrEqual(3);

    const tablePages = pages.filter((p) => p.includes('Uczestnik'));
    expect(tablePages.length).toBeGreaterThanOrEqual(3);
    for (const page of tablePages) {
      expect(page).toContain('Imię i nazwisko');
      expect(page).toContain('Podpis');
    }
    for (let i = 1; i <= rows; i++) {
      const start = pages.filter((p) => new RegExp(`początek${i}\\b`).test(p));
      const end = pages.filter((p) => new RegExp(`koniec${i}\\b`).test(p));
      expect(start, `row ${i} drawn once`).toHaveLength(1);
      expect(end[0], `row ${i} on one page`).toBe(start[0]);
    }
  });

  it('keeps table rows inside the text area, clear of the footer', async () => {
    const bytes = await renderPdf(agreement([attendanceList(60, true)]), { createdAt });
    const { items } = await extractTextItems(await getDocumentProxy(bytes.slice()));
    const bottomMargin = 72;
    for (const page of items) {
      for (const item of page.filter((it) => /Uczestnik|początek|koniec|Spółdzielnia/.test(it.str))) {
        // y is the baseline, measured from the page's bottom edge.
        expect(item.y).toBeGreaterThan(bottomMargin);
      }
    }
  });

  it('shows the header row only once when it is not to be repeated', async () => {
    const { pages } = await open(await renderPdf(agreement([attendanceList(60, false)]), { createdAt }));
    const withHeader = pages.filter((p) => p.includes('Imię i nazwisko'));
    expect(withHeader).toHaveLength(1);
  });

  it('prints the running header and a localized "page X of Y" on every page', async () => {
    const doc = agreement([attendanceList(60, true)], { footerPageTemplate: 'Page {page} of {pages}' });
    const { pages } = await open(await renderPdf(doc, { createdAt }));
    pages.forEach((page, i) => {
      expect(page).toContain('Gmina Kwilcz');
      expect(page).toContain('Umowa nr 3/2027');
      expect(page).toContain(`Page ${i + 1} of ${pages.length}`);
    });
  });

  it('lays out landscape pages and starts a new page at a page break', async () => {
    const doc = agreement([{ kind: 'pageBreak' }, { kind: 'paragraph', text: 'Załącznik nr 1' }], {
      orientation: 'landscape',
      header: undefined,
      footer: undefined,
      footerPageTemplate: undefined,
    });
    const { pdf, pages } = await open(await renderPdf(doc, { createdAt }));
    const [, , width, height] = (await pdf.getPage(1)).view;
    expect(width).toBeGreaterThan(height!);
    expect(pages).toHaveLength(2);
    expect(pages[1]).toContain('Załącznik nr 1');
    expect(pages[0]).not.toContain('Załącznik nr 1');
  });

  it('prints the title only when asked to', async () => {
    const doc = agreement([], { showTitle: false, header: undefined, footer: undefined });
    const { pages } = await open(await renderPdf(doc, { createdAt }));
    expect(pages[0]).not.toContain('Umowa partnerska – Kwilcz');
  });

  it('gives the same bytes for the same document and creation date', async () => {
    const doc = agreement([attendanceList(5, true)]);
    const a = await renderPdf(doc, { createdAt });
    const b = await renderPdf(doc, { createdAt });
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
