/**
 * Column mapping and validation shared by every CSV import: errors are reported by file line and
 * column, and nothing is imported until the whole file is clean.
 *
 * The `messageKey` values are message ids that the caller translates (see `IMPORT_MESSAGES`).
 */
import { type CsvProblem, normalizeHeader, type ParsedCsv } from './csv.ts';

export type ImportColumn<K extends string> = {
  key: K;
  /** Accepted header names, e.g. `['nazwa', 'name']`; matched ignoring case, diacritics and a trailing `*`. */
  headers: string[];
  /** The column must be present and every row must have a (non-blank) value in it. */
  required?: boolean;
};

export type ImportError = {
  /** 1-based file line; 1 (the header) for errors about columns, 0 for errors about the whole file. */
  line: number;
  /** The header as in the file, or the first accepted name when the column is missing; '' for a whole row or file. */
  column: string;
  messageKey: string;
  values?: Record<string, string | number>;
};

export type ImportRecord<K extends string> = { line: number; values: Record<K, string> };

/** Message ids emitted by this module and by `describeCsvProblem`. */
export const IMPORT_MESSAGES = {
  /** A required column is not in the header. values: { column, accepted } (accepted: "nazwa, name"). */
  columnMissing: 'import.column.missing',
  /** Two header cells match the same column. values: { column } */
  columnDuplicate: 'import.column.duplicate',
  /** A required column is blank in a row. values: { column } */
  valueRequired: 'import.value.required',
  /** A row has non-empty cells beyond the last header (often an unquoted delimiter). values: { expected, found } */
  rowExtraCells: 'import.row.extra_cells',
  fileEmpty: 'import.file.empty',
  /** values: { maxMegabytes } */
  fileTooLarge: 'import.file.too_large',
  /** values: { maxRows } */
  fileTooManyRows: 'import.file.too_many_rows',
  fileNotText: 'import.file.not_text',
  /** values: { line } */
  fileUnclosedQuote: 'import.file.unclosed_quote',
  fileEncodingUnclear: 'import.file.encoding_unclear',
} as const;

/**
 * Finds each column in the header and returns the rows as records keyed by column, values trimmed
 * ('' for an optional column that is absent or a cell a short row lacks). Header cells matching no
 * column are ignored. Returns every error instead, in file order, if there is any.
 */
export function mapColumns<K extends string>(
  csv: ParsedCsv,
  columns: ImportColumn<K>[],
): { ok: true; records: ImportRecord<K>[] } | { ok: false; errors: ImportError[] } {
  const errors: ImportError[] = [];
  const normalizedHeader = csv.header.map(normalizeHeader);
  const indexes = new Map<K, number>();

  for (const column of columns) {
    const accepted = new Set(column.headers.map(normalizeHeader));
    const found = normalizedHeader.flatMap((h, i) => (h !== '' && accepted.has(h) ? [i] : []));
    const first = found[0];
    if (first === undefined) {
      if (column.required) {
        errors.push({
          line: 1,
          column: column.headers[0] ?? column.key,
          messageKey: IMPORT_MESSAGES.columnMissing,
          values: { column: column.headers[0] ?? column.key, accepted: column.headers.join(', ') },
        });
      }
      continue;
    }
    if (found.length > 1) {
      errors.push({
        line: 1,
        column: csv.header[found[1]!]!,
        messageKey: IMPORT_MESSAGES.columnDuplicate,
        values: { column: csv.header[first]! },
      });
      continue;
    }
    indexes.set(column.key, first);
  }
  if (errors.length > 0) return { ok: false, errors };

  const records: ImportRecord<K>[] = [];
  csv.rows.forEach((row, r) => {
    const line = csv.lineNumbers[r] ?? r + 2;
    const lastFilled = row.findLastIndex((cell) => cell.trim() !== '');
    if (lastFilled >= csv.header.length) {
      errors.push({
        line,
        column: '',
        messageKey: IMPORT_MESSAGES.rowExtraCells,
        values: { expected: csv.header.length, found: lastFilled + 1 },
      });
    }
    const values = {} as Record<K, string>;
    for (const column of columns) {
      const index = indexes.get(column.key);
      const value = index === undefined ? '' : (row[index] ?? '').trim();
      if (column.required && index !== undefined && value === '') {
        const header = csv.header[index]!;
        errors.push({
          line,
          column: header,
          messageKey: IMPORT_MESSAGES.valueRequired,
          values: { column: header },
        });
      }
      values[column.key] = value;
    }
    records.push({ line, values });
  });

  return errors.length > 0 ? { ok: false, errors } : { ok: true, records };
}

/** The message for a file `parseCsv` refused, for the same error list as `mapColumns`. */
export function describeCsvProblem(problem: CsvProblem): ImportError {
  switch (problem.code) {
    case 'empty':
      return { line: 0, column: '', messageKey: IMPORT_MESSAGES.fileEmpty };
    case 'too_large':
      return {
        line: 0,
        column: '',
        messageKey: IMPORT_MESSAGES.fileTooLarge,
        values: { maxMegabytes: Math.round((problem.maxBytes / (1024 * 1024)) * 10) / 10 },
      };
    case 'too_many_rows':
      return {
        line: 0,
        column: '',
        messageKey: IMPORT_MESSAGES.fileTooManyRows,
        values: { maxRows: problem.maxRows },
      };
    case 'not_text':
      return { line: 0, column: '', messageKey: IMPORT_MESSAGES.fileNotText };
    case 'unclosed_quote':
      return {
        line: problem.line,
        column: '',
        messageKey: IMPORT_MESSAGES.fileUnclosedQuote,
        values: { line: problem.line },
      };
    case 'encoding_unclear':
      return { line: 0, column: '', messageKey: IMPORT_MESSAGES.fileEncodingUnclear };
  }
}
