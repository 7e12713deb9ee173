import { describe, expect, it } from 'vitest';
import { normalizeHeader, type ParsedCsv, parseCsv, toCsv } from './csv.ts';

// Node's TextEncoder writes only UTF-8: these tables make the single-byte files Polish offices send.
const LETTERS = 'ĄąĆćĘęŁłŃńÓóŚśŹźŻż';
const byteTable = (chars: string, bytes: number[]) =>
  Object.fromEntries([...chars].map((ch, i) => [ch, bytes[i]!]));
// biome-ignore format: one byte per letter above
const WINDOWS_1250 = byteTable(`${LETTERS}„”`, [
  0xa5, 0xb9, 0xc6, 0xe6, 0xca, 0xea, 0xa3, 0xb3, 0xd1, 0xf1, 0xd3, 0xf3, 0x8c, 0x9c, 0x8f, 0x9f, 0xaf, 0xbf, 0x84, 0x94,
]);
// biome-ignore format: one byte per letter above
const ISO_8859_2 = byteTable(LETTERS, [
  0xa1, 0xb1, 0xc6, 0xe6, 0xca, 0xea, 0xa3, 0xb3, 0xd1, 0xf1, 0xd3, 0xf3, 0xa6, 0xb6, 0xac, 0xbc, 0xaf, 0xbf,
]);
// DOS code page 852, which some very old systems still export.
// biome-ignore format: one byte per letter above
const CP852 = byteTable(LETTERS, [
  0xa4, 0xa5, 0x8f, 0x86, 0xa8, 0xa9, 0x9d, 0x88, 0xe3, 0xe4, 0xe0, 0xa2, 0x97, 0x98, 0x8d, 0xab, 0xbd, 0xbe,
]);

function encodeSingleByte(text: string, table: Record<string, number>): Uint8Array {
  return Uint8Array.from([...text], (ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    const byte = table[ch];
    if (byte === undefined) throw new Error(`no byte for ${ch}`);
    return byte;
  });
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const withBom = (bytes: Uint8Array) => Uint8Array.from([0xef, 0xbb, 0xbf, ...bytes]);

function parsed(bytes: Uint8Array, opts?: Parameters<typeof parseCsv>[1]): ParsedCsv {
  const result = parseCsv(bytes, opts);
  if (!result.ok) throw new Error(`expected a parsed file, got ${JSON.stringify(result.problem)}`);
  return result.csv;
}

const POLISH = 'Stowarzyszenie Łąka; Gmina Kwilcz; ŻŹĆ';
const POLISH_FILE = `Nazwa;Gmina;Uwagi\r\n"${POLISH}";Kwilcz;źdźbło ślęża ĄĘŚŃÓ\r\n`;

describe('the test encoding tables', () => {
  it('agree with the decoders', () => {
    for (const [table, label] of [
      [WINDOWS_1250, 'windows-1250'],
      [ISO_8859_2, 'iso-8859-2'],
    ] as const) {
      for (const [ch, byte] of Object.entries(table)) {
        expect(new TextDecoder(label).decode(Uint8Array.of(byte)), `${label} ${ch}`).toBe(ch);
      }
    }
  });
});

describe('parseCsv: encodings', () => {
  it('decodes a Windows-1250 file from Polish Excel exactly', () => {
    const csv = parsed(encodeSingleByte(POLISH_FILE, WINDOWS_1250));
    expect(csv.encoding).toBe('windows-1250');
    expect(csv.header).toEqual(['Nazwa', 'Gmina', 'Uwagi']);
    expect(csv.rows).toEqual([[POLISH, 'Kwilcz', 'źdźbło ślęża ĄĘŚŃÓ']]);
  });

  it('decodes an ISO-8859-2 file exactly', () => {
    const csv = parsed(encodeSingleByte(POLISH_FILE, ISO_8859_2));
    expect(csv.encoding).toBe('iso-8859-2');
    expect(csv.rows).toEqual([[POLISH, 'Kwilcz', 'źdźbło ślęża ĄĘŚŃÓ']]);
  });

  it('tells the two apart by a single ś, ą or ź', () => {
    for (const word of ['Święto', 'Łąka', 'Źródło', 'Ąą', 'Śś']) {
      const file = `nazwa\n${word}\n`;
      expect(parsed(encodeSingleByte(file, WINDOWS_1250)).rows, `1250 ${word}`).toEqual([[word]]);
      expect(parsed(encodeSingleByte(file, ISO_8859_2)).rows, `8859-2 ${word}`).toEqual([[word]]);
    }
  });

  it('reads Windows-1250 typographic quotes as text', () => {
    const csv = parsed(encodeSingleByte('nazwa\nFundacja „Łąka”\n', WINDOWS_1250));
    expect(csv.encoding).toBe('windows-1250');
    expect(csv.rows).toEqual([['Fundacja „Łąka”']]);
  });

  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    for (const bytes of [withBom(utf8(POLISH_FILE)), utf8(POLISH_FILE)]) {
      const csv = parsed(bytes);
      expect(csv.encoding).toBe('utf-8');
      expect(csv.header[0]).toBe('Nazwa');
      expect(csv.rows).toEqual([[POLISH, 'Kwilcz', 'źdźbło ślęża ĄĘŚŃÓ']]);
    }
  });

  it('asks for CSV UTF-8 when the bytes read as neither encoding (DOS CP852)', () => {
    const result = parseCsv(encodeSingleByte(`nazwa;uwagi\r\nŁąka;${POLISH}\r\nśliwa;łódź\r\n`, CP852));
    expect(result).toEqual({ ok: false, problem: { code: 'encoding_unclear' } });
  });

  it('asks for CSV UTF-8 for UTF-16 (Excel "Unicode text") and for a broken UTF-8 file with a BOM', () => {
    expect(parseCsv(Uint8Array.of(0xff, 0xfe, 0x61, 0x00))).toEqual({
      ok: false,
      problem: { code: 'encoding_unclear' },
    });
    expect(parseCsv(withBom(encodeSingleByte('nazwa\nŁąka\n', WINDOWS_1250)))).toEqual({
      ok: false,
      problem: { code: 'encoding_unclear' },
    });
  });
});

describe('parseCsv: structure', () => {
  it('detects ; and , and tab from the header', () => {
    expect(parsed(utf8('a;b\n1,5;2\n'))).toMatchObject({ delimiter: ';', rows: [['1,5', '2']] });
    expect(parsed(utf8('a,b\n"1;5",2\n'))).toMatchObject({ delimiter: ',', rows: [['1;5', '2']] });
    expect(parsed(utf8('a\tb\n1\t2\n'))).toMatchObject({ delimiter: '\t', rows: [['1', '2']] });
  });

  it('does not count delimiters inside a quoted header name', () => {
    const csv = parsed(utf8('"Nazwa, pełna";NIP\nFundacja;123\n'));
    expect(csv.delimiter).toBe(';');
    expect(csv.header).toEqual(['Nazwa, pełna', 'NIP']);
  });

  it('unquotes RFC 4180 fields with delimiters, doubled quotes and line breaks', () => {
    const csv = parsed(utf8('a;b;c\r\n"x;y";"He said ""hi""";"line 1\r\nline 2"\r\n'));
    expect(csv.rows).toEqual([['x;y', 'He said "hi"', 'line 1\r\nline 2']]);
  });

  it('accepts spaces before an opening quote, as some tools write', () => {
    const csv = parsed(utf8('nazwa, gmina\n"Łąka, Kwilcz", "Poznań, miasto"\n'));
    expect(csv.header).toEqual(['nazwa', 'gmina']);
    expect(csv.rows).toEqual([['Łąka, Kwilcz', 'Poznań, miasto']]);
  });

  it('keeps the right file line for rows after a quoted line break', () => {
    const file = 'nazwa;opis\r\nA;"one\r\ntwo\r\nthree"\r\nB;b\r\nC;"x\ny"\r\nD;d\r\n';
    const csv = parsed(utf8(file));
    expect(csv.rows.map((r) => r[0])).toEqual(['A', 'B', 'C', 'D']);
    expect(csv.lineNumbers).toEqual([2, 5, 6, 8]);
  });

  it('skips trailing empty lines, blank lines and rows of only delimiters, keeping line numbers', () => {
    const csv = parsed(utf8('a;b\r\n1;2\r\n\r\n;;\r\n3;4\r\n\r\n\r\n'));
    expect(csv.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(csv.lineNumbers).toEqual([2, 5]);
  });

  it('trims header names and reads a last line without a line break', () => {
    const csv = parsed(utf8(' Nazwa ; Gmina\n"Łąka";Kwilcz'));
    expect(csv.header).toEqual(['Nazwa', 'Gmina']);
    expect(csv.rows).toEqual([['Łąka', 'Kwilcz']]);
  });

  it('reads old Mac line endings (CR only)', () => {
    const csv = parsed(utf8('a;b\r1;2\r3;4\r'));
    expect(csv.rows).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
    expect(csv.lineNumbers).toEqual([2, 3]);
  });
});

describe('parseCsv: problems', () => {
  it('refuses an .xlsx, a PDF or other binary uploaded by mistake', () => {
    const xlsx = Uint8Array.of(
      0x50,
      0x4b,
      0x03,
      0x04,
      0x14,
      0x00,
      0x06,
      0x00,
      ...utf8('[Content_Types].xml'),
    );
    expect(parseCsv(xlsx)).toEqual({ ok: false, problem: { code: 'not_text' } });
    expect(parseCsv(utf8('%PDF-1.7\n%âãÏÓ\n'))).toEqual({ ok: false, problem: { code: 'not_text' } });
    expect(parseCsv(Uint8Array.of(...utf8('a;b\n1;'), 0, 0, 0x12))).toEqual({
      ok: false,
      problem: { code: 'not_text' },
    });
  });

  it('reports the line where an unclosed quote opens', () => {
    const result = parseCsv(utf8('nazwa;opis\r\nA;a\r\nB;"never closed\r\nC;c\r\n'));
    expect(result).toEqual({ ok: false, problem: { code: 'unclosed_quote', line: 3 } });
  });

  it('refuses an empty file, a lone BOM and a header without data', () => {
    for (const bytes of [
      new Uint8Array(),
      withBom(new Uint8Array()),
      utf8('nazwa;gmina\r\n\r\n'),
      utf8('\n\n'),
    ]) {
      expect(parseCsv(bytes)).toEqual({ ok: false, problem: { code: 'empty' } });
    }
  });

  it('refuses files over the byte and row limits', () => {
    expect(parseCsv(utf8('a\n1\n2\n'), { maxBytes: 4 })).toEqual({
      ok: false,
      problem: { code: 'too_large', maxBytes: 4 },
    });
    expect(parseCsv(utf8('a\n1\n2\n3\n'), { maxRows: 2 })).toEqual({
      ok: false,
      problem: { code: 'too_many_rows', maxRows: 2 },
    });
    expect(parsed(utf8('a\n1\n2\n'), { maxRows: 2 }).rows).toHaveLength(2);
  });
});

describe('normalizeHeader', () => {
  it('ignores case, Polish diacritics, spacing and a required-marker', () => {
    for (const h of ['Nazwa', 'NAZWA', 'nazwa', ' Nazwa * ']) expect(normalizeHeader(h)).toBe('nazwa');
    expect(normalizeHeader('Kod  POCZTOWY')).toBe('kod pocztowy');
    expect(normalizeHeader('kod_pocztowy')).toBe('kod pocztowy');
    expect(normalizeHeader('Siedziba (MIEJSCOWOŚĆ):')).toBe('siedziba (miejscowosc)');
    expect(normalizeHeader('ŁĄCZNA KWOTA')).toBe(normalizeHeader('łączna kwota'));
  });
});

describe('toCsv', () => {
  const header = ['Nazwa', 'Opis', 'Kwota', 'Uwagi'];
  const rows = [
    ['Stowarzyszenie „Łąka”', 'ma; średnik, przecinek i "cudzysłów"', 12.5, null],
    ['Gmina Kwilcz', 'dwie\r\nlinie', -3, ' spacje '],
  ];

  it('starts with a UTF-8 BOM, uses ; and CRLF, and re-parses to the same data', () => {
    const bytes = toCsv(header, rows);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\r\n')[0]).toBe('Nazwa;Opis;Kwota;Uwagi');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.replaceAll('\r\n', '')).not.toMatch(/\n/);

    const csv = parsed(bytes);
    expect(csv).toMatchObject({ encoding: 'utf-8', delimiter: ';', header });
    expect(csv.rows).toEqual([
      ['Stowarzyszenie „Łąka”', 'ma; średnik, przecinek i "cudzysłów"', '12,5', ''],
      ['Gmina Kwilcz', 'dwie\r\nlinie', '-3', ' spacje '],
    ]);
  });

  it('writes , without a BOM and with a decimal point when asked', () => {
    const bytes = toCsv(header, rows, { delimiter: ',', bom: false });
    expect(bytes[0]).toBe('N'.charCodeAt(0));
    const csv = parsed(bytes);
    expect(csv.delimiter).toBe(',');
    expect(csv.rows[0]).toEqual([
      'Stowarzyszenie „Łąka”',
      'ma; średnik, przecinek i "cudzysłów"',
      '12.5',
      '',
    ]);
  });

  it('neutralises cells a spreadsheet would run as formulas', () => {
    const dangerous = ['=HYPERLINK("http://evil","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1'];
    const csv = parsed(toCsv(['v'], [...dangerous.map((d) => [d]), ['-12,50'], [-7], ['zwykły tekst']]));
    expect(csv.rows.map((r) => r[0])).toEqual([
      ...dangerous.map((d) => `'${d}`),
      '-12,50', // a signed number written as text cannot run anything
      '-7',
      'zwykły tekst',
    ]);
    // header cells too
    expect(parsed(toCsv(['=cmd'], [['x']])).header).toEqual(["'=cmd"]);
  });
});
