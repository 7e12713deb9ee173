import { describe, expect, it } from 'vitest';
import { type ParsedCsv, parseCsv } from './csv.ts';
import { describeCsvProblem, IMPORT_MESSAGES, type ImportColumn, mapColumns } from './import.ts';

function csvOf(text: string): ParsedCsv {
  const result = parseCsv(new TextEncoder().encode(text));
  if (!result.ok) throw new Error(JSON.stringify(result.problem));
  return result.csv;
}

type Key = 'name' | 'municipality' | 'email';
const COLUMNS: ImportColumn<Key>[] = [
  { key: 'name', headers: ['nazwa', 'name'], required: true },
  { key: 'municipality', headers: ['gmina', 'municipality'], required: true },
  { key: 'email', headers: ['e-mail', 'email', 'adres e-mail'] },
];

describe('mapColumns', () => {
  it('maps Polish headers regardless of case and diacritics', () => {
    for (const header of [
      'Nazwa;Gmina',
      'NAZWA;GMINA',
      'nazwa;gmina',
      'Nazwa *;Gmína',
      'name;Municipality',
    ]) {
      const result = mapColumns(csvOf(`${header}\r\nŁąka ;Kwilcz\r\n`), COLUMNS);
      expect(result, header).toEqual({
        ok: true,
        records: [{ line: 2, values: { name: 'Łąka', municipality: 'Kwilcz', email: '' } }],
      });
    }
  });

  it('finds columns in any order, ignores unknown ones, keeps file lines', () => {
    const csv = csvOf(
      'Uwagi;ADRES E-MAIL;Gmina;Nazwa\r\n"a\r\nb";biuro@laka.pl;Kwilcz;Łąka\r\nx;;Poznań;Fundacja\r\n',
    );
    expect(mapColumns(csv, COLUMNS)).toEqual({
      ok: true,
      records: [
        { line: 2, values: { name: 'Łąka', municipality: 'Kwilcz', email: 'biuro@laka.pl' } },
        { line: 4, values: { name: 'Fundacja', municipality: 'Poznań', email: '' } },
      ],
    });
  });

  it('reports a missing required column on line 1 by its first accepted name', () => {
    const result = mapColumns(csvOf('Nazwa;E-mail\r\nŁąka;a@b.pl\r\n'), COLUMNS);
    expect(result).toEqual({
      ok: false,
      errors: [
        {
          line: 1,
          column: 'gmina',
          messageKey: 'import.column.missing',
          values: { column: 'gmina', accepted: 'gmina, municipality' },
        },
      ],
    });
  });

  it('reports a column given twice', () => {
    const result = mapColumns(csvOf('Nazwa;Gmina;NAME\r\nA;B;C\r\n'), COLUMNS);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 1, column: 'NAME', messageKey: 'import.column.duplicate', values: { column: 'Nazwa' } },
      ],
    });
  });

  it('reports every blank required value and extra cells by line and column, importing nothing', () => {
    const csv = csvOf(
      'Nazwa;Gmina\r\nŁąka;Kwilcz\r\n  ;Poznań\r\n"Dwie\r\nlinie";\r\nKowalski; Jan;Kwilcz\r\nX;Y;;\r\n',
    );
    const result = mapColumns(csv, COLUMNS);
    expect(result).toEqual({
      ok: false,
      errors: [
        { line: 3, column: 'Nazwa', messageKey: 'import.value.required', values: { column: 'Nazwa' } },
        { line: 4, column: 'Gmina', messageKey: 'import.value.required', values: { column: 'Gmina' } },
        { line: 6, column: '', messageKey: 'import.row.extra_cells', values: { expected: 2, found: 3 } },
      ],
    });
  });

  it('accepts a short row when the missing cells are optional', () => {
    const result = mapColumns(csvOf('Nazwa;Gmina;E-mail\r\nŁąka;Kwilcz\r\n'), COLUMNS);
    expect(result.ok && result.records[0]?.values.email).toBe('');
  });
});

describe('describeCsvProblem', () => {
  it('gives a message id for each file problem', () => {
    expect(describeCsvProblem({ code: 'unclosed_quote', line: 7 })).toEqual({
      line: 7,
      column: '',
      messageKey: IMPORT_MESSAGES.fileUnclosedQuote,
      values: { line: 7 },
    });
    expect(describeCsvProblem({ code: 'too_large', maxBytes: 5 * 1024 * 1024 }).values).toEqual({
      maxMegabytes: 5,
    });
    const codes = ['empty', 'not_text', 'encoding_unclear'] as const;
    expect(codes.map((code) => describeCsvProblem({ code }).messageKey)).toEqual([
      'import.file.empty',
      'import.file.not_text',
      'import.file.encoding_unclear',
    ]);
  });
});
