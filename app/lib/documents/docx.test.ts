import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './docx.server.ts';
import type { DocBlock, DocModel } from './model.ts';

const createdAt = new Date('2027-01-15T10:00:00Z');

const agreement: DocModel = {
  title: 'Umowa partnerska – Kwilcz & partnerzy',
  language: 'pl',
  author: 'Gmina Kwilcz',
  subject: 'Współpraca <ekonomia społeczna>',
  header: 'Gmina Kwilcz',
  footer: 'Umowa nr 3/2027',
  footerPageTemplate: 'Strona {page} z {pages}',
  blocks: [
    { kind: 'heading', level: 2, text: '§ 1. Przedmiot umowy' },
    { kind: 'paragraph', text: 'Zażółć gęślą jaźń – ZAŻÓŁĆ GĘŚLĄ JAŹŃ' },
    { kind: 'paragraph', text: 'ul. Ogrodowa 1\n64-420 Kwilcz', bold: true },
    { kind: 'heading', level: 3, text: 'Harmonogram działań' },
    { kind: 'list', ordered: true, items: ['Gmina udostępnia lokal.', 'Spółdzielnia zatrudnia osoby.'] },
    { kind: 'list', items: ['Załącznik nr 1'] },
    {
      kind: 'table',
      repeatHeader: true,
      rowHeight: 30,
      columns: [
        { header: 'Imię i nazwisko', width: 2 },
        { header: 'Kwota (zł)', width: 1, align: 'right' },
      ],
      rows: [
        ['Łucja Żółkiewska', '1 200,00'],
        ['Paweł Śliwiński', '830,50'],
      ],
    },
    { kind: 'keyValue', rows: [{ label: 'Partner wiodący', value: 'Gmina Kwilcz, ul. Ogrodowa 1' }] },
    { kind: 'pageBreak' },
    { kind: 'signatures', parties: [{ name: 'Jan Kowalski', role: 'Wójt Gminy' }, { name: 'Żaneta Łęcka' }] },
  ],
};

async function unpack(doc: DocModel): Promise<Record<string, string>> {
  const files = unzipSync(await renderDocx(doc, { createdAt }));
  return Object.fromEntries(Object.entries(files).map(([path, data]) => [path, strFromU8(data)]));
}

/** The w:tbl elements of a document, in order. */
function tables(xml: string): string[] {
  return xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? [];
}

describe('renderDocx', () => {
  it('produces a Word package with the Polish text intact', async () => {
    const files = await unpack(agreement);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/styles.xml']),
    );
    const body = files['word/document.xml']!;
    expect(body).toContain('Zażółć gęślą jaźń – ZAŻÓŁĆ GĘŚLĄ JAŹŃ');
    expect(body).toContain('Łucja Żółkiewska');
    expect(body).toContain('Żaneta Łęcka');
    expect(body).toContain('Umowa partnerska – Kwilcz &amp; partnerzy');
  });

  it('keeps line breaks inside a paragraph and bolds only bold paragraphs', async () => {
    const body = (await unpack(agreement))['word/document.xml']!;
    const paragraphs = body.match(/<w:p>[\s\S]*?<\/w:p>/g) ?? [];
    const address = paragraphs.find((p) => p.includes('64-420 Kwilcz')) ?? '';
    expect(address).toMatch(/ul\. Ogrodowa 1<\/w:t>[\s\S]*<w:br\/>[\s\S]*64-420 Kwilcz/);
    expect(address).toContain('<w:b/>');
    const plain = paragraphs.find((p) => p.includes('Zażółć gęślą jaźń')) ?? '';
    expect(plain).not.toContain('<w:b/>');
  });

  it('uses real Heading 1–3 styles, with the title as the first heading', async () => {
    const files = await unpack(agreement);
    const body = files['word/document.xml']!;
    const styles = files['word/styles.xml']!;
    const firstParagraph = body.match(/<w:p>[\s\S]*?<\/w:p>/)?.[0] ?? '';
    expect(firstParagraph).toContain('<w:pStyle w:val="Heading1"/>');
    expect(firstParagraph).toContain('Umowa partnerska');
    expect(body).toMatch(/<w:pStyle w:val="Heading2"\/>[\s\S]*?§ 1\. Przedmiot umowy/);
    expect(body).toMatch(/<w:pStyle w:val="Heading3"\/>[\s\S]*?Harmonogram działań/);
    for (const id of ['Heading1', 'Heading2', 'Heading3']) {
      expect(styles).toMatch(new RegExp(`<w:style [^>]*w:styleId="${id}"`));
    }
  });

  it('marks the header row of a table (repeated on each page), keeps rows whole, and sets tall rows', async () => {
    const body = (await unpack(agreement))['word/document.xml']!;
    const data = tables(body).find((t) => t.includes('Imię i nazwisko'))!;
    const rows = data.match(/<w:tr>[\s\S]*?<\/w:tr>/g) ?? [];
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('Imię i nazwisko');
    expect(rows[1]).not.toContain('<w:tblHeader/>');
    for (const row of rows) expect(row).toContain('<w:cantSplit/>');
    expect(rows[1]).toMatch(/<w:trHeight w:val="600" w:hRule="atLeast"\/>/);
    expect(rows[1]).toMatch(/<w:jc w:val="right"\/>[\s\S]*1 200,00/);
  });

  it('sets key-value pairs as a two-column table and signatures as a borderless one', async () => {
    const body = (await unpack(agreement))['word/document.xml']!;
    const all = tables(body);
    const keyValue = all.find((t) => t.includes('Partner wiodący'))!;
    expect(keyValue.match(/<w:tc>/g)).toHaveLength(2);
    const signatures = all.find((t) => t.includes('Jan Kowalski'))!;
    expect(signatures).toContain('Wójt Gminy');
    expect(signatures).toContain('Żaneta Łęcka');
    expect(signatures).toMatch(/<w:tblBorders>[\s\S]*<w:top w:val="none"/);
    expect(signatures).toMatch(/<w:pBdr>\s*<w:top w:val="dotted"/);
  });

  it('numbers ordered lists and restarts the numbering for each list', async () => {
    const second: DocBlock = { kind: 'list', ordered: true, items: ['Pierwszy punkt drugiej listy'] };
    const files = await unpack({ ...agreement, blocks: [...agreement.blocks, second] });
    const body = files['word/document.xml']!;
    const numIdOf = (text: string) =>
      body.match(new RegExp(`<w:numId w:val="(\\d+)"/>(?:(?!<w:p>)[\\s\\S])*?${text}`))?.[1];
    const first = numIdOf('Gmina udostępnia lokal\\.');
    expect(first).toBeDefined();
    expect(numIdOf('Spółdzielnia zatrudnia osoby\\.')).toBe(first);
    const restarted = numIdOf('Pierwszy punkt drugiej listy');
    expect(restarted).toBeDefined();
    expect(restarted).not.toBe(first);
    expect(files['word/numbering.xml']).toContain('w:val="decimal"');
    expect(body).toContain('<w:br w:type="page"/>');
  });

  it('puts the header and a "page X of Y" footer built from Word fields on every page', async () => {
    const files = await unpack(agreement);
    const header = Object.entries(files).find(([p]) => /^word\/header\d+\.xml$/.test(p))?.[1] ?? '';
    const footer = Object.entries(files).find(([p]) => /^word\/footer\d+\.xml$/.test(p))?.[1] ?? '';
    expect(header).toContain('Gmina Kwilcz');
    expect(footer).toContain('Umowa nr 3/2027');
    expect(footer).toMatch(/Strona [\s\S]*PAGE[\s\S]* z [\s\S]*NUMPAGES/);
  });

  it('records title, author, subject, language and the given date in the core properties', async () => {
    const core = (await unpack(agreement))['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Umowa partnerska – Kwilcz &#38; partnerzy</dc:title>');
    expect(core).toContain('<dc:creator>Gmina Kwilcz</dc:creator>');
    expect(core).toContain('<dc:subject>Współpraca &#60;ekonomia społeczna&#62;</dc:subject>');
    expect(core).toContain('<dc:language>pl-PL</dc:language>');
    expect(core).toContain('2027-01-15T10:00:00Z');
    const styles = (await unpack(agreement))['word/styles.xml']!;
    expect(styles).toMatch(/<w:lang w:val="pl-PL"/);
  });

  it('turns the page for a landscape document', async () => {
    const body = (await unpack({ ...agreement, orientation: 'landscape' }))['word/document.xml']!;
    expect(body).toMatch(/<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"\/>/);
  });
});
