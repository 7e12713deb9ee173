import { describe, expect, it } from 'vitest';
import { asciiFilename, CONTENT_TYPES, contentDisposition, fileResponse } from './download.ts';

describe('fileResponse', () => {
  it('sends a Polish file name as RFC 5987 filename* with a plain ASCII fallback', async () => {
    const body = new TextEncoder().encode('%PDF-1.7 zażółć');
    const response = fileResponse(body, {
      filename: 'Umowa partnerska – Kwilcz.pdf',
      contentType: CONTENT_TYPES.pdf,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="Umowa partnerska - Kwilcz.pdf"; filename*=UTF-8''Umowa%20partnerska%20%E2%80%93%20Kwilcz.pdf`,
    );
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    expect(response.headers.get('X-Content-Type-Options')).toBe('nosniff');
    expect(response.headers.get('Content-Length')).toBe(String(body.byteLength));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(body);
  });

  it('decodes back to the original name, as a browser reads filename*', () => {
    const name = "Lista obecności (Źródła) – 'Łódź' 100%*.pdf";
    const header = contentDisposition(name);
    const encoded = header.match(/filename\*=UTF-8''(.+)$/)?.[1] ?? '';
    expect(encoded).toMatch(/^[A-Za-z0-9!#$&+\-.^_`|~%]+$/);
    expect(decodeURIComponent(encoded)).toBe(name);
  });

  it('folds Polish letters and typographic marks in the fallback and keeps it a valid quoted string', () => {
    expect(asciiFilename('Zażółć gęślą jaźń ŻÓŁW.docx')).toBe('Zazolc gesla jazn ZOLW.docx');
    expect(asciiFilename('Spółdzielnia „Zakątek”.pdf')).toBe("Spoldzielnia 'Zakatek'.pdf");
    expect(asciiFilename('say "hi"\\now.csv')).toBe("say 'hi' now.csv");
    expect(asciiFilename('Ελληνικά.csv')).toMatch(/^[\x20-\x7e]+$/);
  });

  it('keeps path separators and line breaks out of the header', () => {
    const header = contentDisposition('../../etc/passwd\r\nSet-Cookie: x=1.pdf');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).not.toContain('/');
    expect(header).toContain('filename="etc passwd Set-Cookie: x=1.pdf"');
  });

  it('names an unnamed file "download"', () => {
    expect(contentDisposition('  ')).toBe(`attachment; filename="download"; filename*=UTF-8''download`);
  });

  it('lists the media types of downloadable files', () => {
    expect(CONTENT_TYPES.docx).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(CONTENT_TYPES.xlsx).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(CONTENT_TYPES.csv).toBe('text/csv; charset=utf-8');
    expect(CONTENT_TYPES.ics).toBe('text/calendar; charset=utf-8');
    expect(CONTENT_TYPES.json).toBe('application/json; charset=utf-8');
  });
});
