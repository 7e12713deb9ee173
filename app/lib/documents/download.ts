/** Media types of the files the platform lets users download. */
export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ics: 'text/calendar; charset=utf-8',
  json: 'application/json; charset=utf-8',
} as const satisfies Record<string, string>;

const ASCII_FOLD: Record<string, string> = {
  ą: 'a',
  ć: 'c',
  ę: 'e',
  ł: 'l',
  ń: 'n',
  ó: 'o',
  ś: 's',
  ź: 'z',
  ż: 'z',
  Ą: 'A',
  Ć: 'C',
  Ę: 'E',
  Ł: 'L',
  Ń: 'N',
  Ó: 'O',
  Ś: 'S',
  Ź: 'Z',
  Ż: 'Z',
  '–': '-',
  '—': '-',
  '„': "'",
  '”': "'",
  '“': "'",
  '‘': "'",
  '’': "'",
  '«': "'",
  '»': "'",
};

/** The name without path separators, control characters or surrounding dots and spaces. */
function safeName(filename: string): string {
  const cleaned = filename
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
    .replace(/[\u0000-\u001f\u007f/\\]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|\s+$/g, '');
  return cleaned === '' ? 'download' : cleaned;
}

/** A plain ASCII rendering for old clients: "Umowa partnerska – Kwilcz.pdf" → "Umowa partnerska - Kwilcz.pdf". */
export function asciiFilename(filename: string): string {
  return safeName(filename)
    .replace(/[ąćęłńóśźżĄĆĘŁŃÓŚŹŻ–—„”“‘’«»]/g, (ch) => ASCII_FOLD[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\]/g, "'");
}

/** RFC 5987 ext-value: UTF-8, percent-encoding everything outside attr-char. */
function encodeExtValue(value: string): string {
  return `UTF-8''${encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** `attachment; filename="ASCII fallback"; filename*=UTF-8''percent-encoded` (RFC 6266). */
export function contentDisposition(filename: string): string {
  const name = safeName(filename);
  return `attachment; filename="${asciiFilename(name)}"; filename*=${encodeExtValue(name)}`;
}

/** A download for a route loader: the file as an attachment, never cached by shared caches. */
export function fileResponse(body: Uint8Array, opts: { filename: string; contentType: string }): Response {
  // A copy backed by a plain ArrayBuffer, which is what a Response body accepts.
  const bytes = new Uint8Array(body.byteLength);
  bytes.set(body);
  return new Response(bytes, {
    status: 200,
    headers: {
      'Content-Type': opts.contentType,
      'Content-Disposition': contentDisposition(opts.filename),
      'Content-Length': String(bytes.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
