/**
 * CSV import and export for files that people in Polish offices really have: exported from
 * Polish Excel (`;`, Windows-1250 or "CSV UTF-8" with a BOM), from old systems (ISO-8859-2,
 * `,`), with RFC 4180 quoting, CRLF line endings and trailing empty lines.
 *
 * Parsing never guesses silently: a file whose encoding cannot be told apart is refused with
 * `encoding_unclear`, so the user can save it again as "CSV UTF-8".
 */
import { foldForSearch } from '../text.ts';

export type CsvEncoding = 'utf-8' | 'windows-1250' | 'iso-8859-2';
export type CsvDelimiter = ';' | ',' | '\t';

export type ParsedCsv = {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Header names, trimmed. */
  header: string[];
  /** Data rows as in the file (not trimmed, not padded to the header's length). Blank rows are skipped. */
  rows: string[][];
  /** 1-based file line on which `rows[i]` starts (the header is on line 1 unless blank lines precede it). */
  lineNumbers: number[];
};

export type CsvProblem =
  | { code: 'empty' }
  | { code: 'too_large'; maxBytes: number }
  | { code: 'too_many_rows'; maxRows: number }
  | { code: 'not_text' }
  | { code: 'unclosed_quote'; line: number }
  | { code: 'encoding_unclear' };

export type ParseCsvResult = { ok: true; csv: ParsedCsv } | { ok: false; problem: CsvProblem };

export const DEFAULT_MAX_CSV_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_CSV_ROWS = 20_000;

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

/**
 * Decodes and parses an uploaded CSV file.
 *
 * - Encoding: strict UTF-8 (BOM optional), else Windows-1250 or ISO-8859-2, told apart by the
 *   bytes of ą/Ą/ś/Ś/ź/Ź; `encoding_unclear` when neither reads as plausible text.
 * - Delimiter: `;`, `,` or tab, whichever occurs most in the header line outside quotes (`;` if none).
 * - RFC 4180 quoting (`""` inside quotes), CRLF, LF or CR line endings; blank rows (also rows of
 *   only delimiters, as Excel writes them) are skipped.
 */
export function parseCsv(
  bytes: Uint8Array,
  opts: { maxBytes?: number; maxRows?: number } = {},
): ParseCsvResult {
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_CSV_BYTES;
  const maxRows = opts.maxRows ?? DEFAULT_MAX_CSV_ROWS;
  if (bytes.length > maxBytes) return { ok: false, problem: { code: 'too_large', maxBytes } };

  // UTF-16 (Excel's "Unicode text") is text, but not one we read: ask for CSV UTF-8.
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) {
    return { ok: false, problem: { code: 'encoding_unclear' } };
  }
  if (looksBinary(bytes)) return { ok: false, problem: { code: 'not_text' } };

  const decoded = decode(bytes);
  if (!decoded) return { ok: false, problem: { code: 'encoding_unclear' } };

  const delimiter = detectDelimiter(decoded.text);
  const records = tokenize(decoded.text, delimiter);
  if (!records.ok) return { ok: false, problem: { code: 'unclosed_quote', line: records.line } };

  const nonBlank = records.records.filter((r) => !isBlank(r.fields));
  const [headerRecord, ...dataRecords] = nonBlank;
  if (!headerRecord || dataRecords.length === 0) return { ok: false, problem: { code: 'empty' } };
  if (dataRecords.length > maxRows) return { ok: false, problem: { code: 'too_many_rows', maxRows } };

  return {
    ok: true,
    csv: {
      encoding: decoded.encoding,
      delimiter,
      header: headerRecord.fields.map((h) => h.trim()),
      rows: dataRecords.map((r) => r.fields),
      lineNumbers: dataRecords.map((r) => r.line),
    },
  };
}

/** A header name for matching: lower case, Polish diacritics folded, inner spaces/underscores collapsed, a trailing `*` or `:` dropped ("Nazwa *" → "nazwa"). */
export function normalizeHeader(s: string): string {
  return foldForSearch(s.replace(/^\uFEFF/, ''))
    .replace(/[\s_]+/g, ' ')
    .replace(/[\s*:]+$/, '')
    .trim();
}

// ---------------------------------------------------------------------------------------------
// Binary detection

const BINARY_MAGIC: readonly (readonly number[])[] = [
  [0x50, 0x4b, 0x03, 0x04], // zip: .xlsx, .docx, .ods, .zip
  [0x50, 0x4b, 0x05, 0x06], // empty zip
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: old .xls / .doc
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF
  [0x1f, 0x8b], // gzip
];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return prefix.length <= bytes.length && prefix.every((b, i) => bytes[i] === b);
}

function looksBinary(bytes: Uint8Array): boolean {
  if (BINARY_MAGIC.some((m) => startsWith(bytes, m))) return true;
  let controls = 0;
  for (const b of bytes) {
    if (b === 0) return true;
    // C0 controls other than tab, LF, CR, form feed and SUB (DOS end-of-file).
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) controls++;
  }
  return controls > 0 && controls * 100 > bytes.length;
}

// ---------------------------------------------------------------------------------------------
// Encoding detection

type Decoded = { encoding: CsvEncoding; text: string };

function decode(bytes: Uint8Array): Decoded | null {
  const hasBom = startsWith(bytes, UTF8_BOM);
  const body = hasBom ? bytes.subarray(UTF8_BOM.length) : bytes;
  try {
    return {
      encoding: 'utf-8',
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(body),
    };
  } catch {
    // A BOM promises UTF-8: a file that breaks that promise is mixed or damaged.
    if (hasBom) return null;
  }

  const candidates = (['windows-1250', 'iso-8859-2'] as const).map((encoding) => {
    const text = new TextDecoder(encoding).decode(body);
    return { encoding, text, ...scoreSingleByte(text) };
  });
  // Fewer implausible characters first, then more Polish letters; a tie (the two decode the file the
  // same way, e.g. only ł/ó/ę/ż) goes to Windows-1250, which is what Polish Excel writes.
  candidates.sort((a, b) => a.bad - b.bad || b.polish - a.polish);
  const best = candidates[0]!;
  if (best.bad > 0 && best.bad * 10 > best.nonAscii) return null;
  return { encoding: best.encoding, text: best.text };
}

const POLISH_LETTERS = /[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ]/u;
/** Non-letters that real text contains; anything else outside ASCII counts against an encoding. */
const PLAUSIBLE_SYMBOLS = new Set([...'\u00a0\u00ad„”“‚‘’–—…€§°«»·×÷©®™•']);

/**
 * Counts, in a single-byte decoding, the non-ASCII characters, the Polish letters among them, and
 * the implausible ones: C1 controls (bytes 0x80–0x9F in ISO-8859-2, the undefined ones in
 * Windows-1250), stray symbols such as ± ¶ ¦ ¬ ˇ (where the other encoding has ą ś Ś Ź Ą), and an
 * accented capital right after a lower-case letter ("ťĄka" is what a DOS CP852 "Łąka" turns into).
 */
function scoreSingleByte(text: string): { nonAscii: number; polish: number; bad: number } {
  let nonAscii = 0;
  let polish = 0;
  let bad = 0;
  let prevLower = false;
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      prevLower = code >= 0x61 && code <= 0x7a;
      continue;
    }
    nonAscii++;
    if (POLISH_LETTERS.test(ch)) polish++;
    if (/\p{L}/u.test(ch)) {
      if (prevLower && /\p{Lu}/u.test(ch)) bad++;
    } else if (!PLAUSIBLE_SYMBOLS.has(ch)) {
      bad++;
    }
    prevLower = /\p{Ll}/u.test(ch);
  }
  return { nonAscii, polish, bad };
}

// ---------------------------------------------------------------------------------------------
// Delimiter and tokenizer

const DELIMITERS: readonly CsvDelimiter[] = [';', '\t', ','];

/** Counts each candidate in the first non-blank line, outside quotes; ties go to `;`, then tab. */
function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let seenContent = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (seenContent) break;
    } else if (!inQuotes) {
      const n = counts.get(ch);
      if (n !== undefined) counts.set(ch, n + 1);
      if (ch.trim() !== '') seenContent = true;
    }
  }
  let best: CsvDelimiter = ';';
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

type CsvRecord = { line: number; fields: string[] };

function tokenize(
  text: string,
  delimiter: CsvDelimiter,
): { ok: true; records: CsvRecord[] } | { ok: false; line: number } {
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  /** No character of the field read yet but spaces, and no quote. */
  let atFieldStart = true;

  const endRecord = () => {
    fields.push(field);
    records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    atFieldStart = true;
  };

  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else {
          inQuotes = false;
        }
      } else {
        if (ch === '\n' || (ch === '\r' && text[i + 1] !== '\n')) line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && atFieldStart) {
      // Spaces before an opening quote (`a, "b, c"`, as some tools write) are dropped.
      field = '';
      inQuotes = true;
      quoteLine = line;
      atFieldStart = false;
    } else if (ch === delimiter) {
      fields.push(field);
      field = '';
      atFieldStart = true;
    } else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      // Text after a closing quote ("abc"def) or a quote inside an unquoted field is kept as is.
      field += ch;
      if (ch !== ' ') atFieldStart = false;
    }
  }
  if (inQuotes) return { ok: false, line: quoteLine };
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

function isBlank(fields: string[]): boolean {
  return fields.every((f) => f.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Export

export type CsvCell = string | number | null;

/**
 * Writes CSV that Polish Excel opens correctly by double-click: `;` and a UTF-8 BOM by default,
 * CRLF line endings, fields quoted when they contain the delimiter, a quote, a line break or
 * leading/trailing spaces. With `;` numbers get a decimal comma (3,5), as Polish Excel expects;
 * with `,` a decimal point.
 *
 * **Formula injection:** a text cell starting with `=`, `+`, `-`, `@`, tab or carriage return
 * is prefixed with an apostrophe (`'=SUM(A1)`), so a spreadsheet shows it as text instead of
 * running it (OWASP "CSV Injection"). Plain signed numbers written as text ("-12,50") are left
 * alone – they cannot run anything. Cells of type `number` are never prefixed. The apostrophe
 * stays visible in the cell; that is the accepted price of the protection.
 */
export function toCsv(
  header: string[],
  rows: CsvCell[][],
  opts: { delimiter?: ';' | ','; bom?: boolean } = {},
): Uint8Array {
  const delimiter = opts.delimiter ?? ';';
  const bom = opts.bom ?? true;
  const line = (cells: CsvCell[]) => cells.map((c) => formatCell(c, delimiter)).join(delimiter);
  const text = [line(header), ...rows.map(line)].map((l) => `${l}\r\n`).join('');
  const body = new TextEncoder().encode(text);
  if (!bom) return body;
  const out = new Uint8Array(UTF8_BOM.length + body.length);
  out.set(UTF8_BOM, 0);
  out.set(body, UTF8_BOM.length);
  return out;
}

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^[+-]?\d+([.,]\d+)?$/;

/** Neutralises a text cell that a spreadsheet would run as a formula (see `toCsv`). */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

function formatCell(cell: CsvCell, delimiter: ';' | ','): string {
  let value: string;
  if (cell === null) value = '';
  else if (typeof cell === 'number') {
    value = Number.isFinite(cell) ? String(cell) : '';
    if (delimiter === ';') value = value.replace('.', ',');
  } else value = neutralizeFormula(cell);
  const needsQuotes =
    value.includes(delimiter) ||
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value !== value.trim();
  return needsQuotes ? `"${value.replaceAll('"', '""')}"` : value;
}
