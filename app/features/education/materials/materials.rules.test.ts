import { describe, expect, it } from 'vitest';
import {
  checkMaterialFile,
  isAllowedUrl,
  megabytes,
  sniffType,
  visibleAudiences,
} from './materials.rules.ts';

const params = {
  maxBytes: 20 * 1_048_576,
  types: [
    'application/pdf',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.oasis.opendocument.text',
    'image/png',
    'image/jpeg',
    'text/plain',
  ],
};
const bytes = (s: string) => new TextEncoder().encode(s);
const file = (name: string, b: Uint8Array) => ({ name, size: b.length, bytes: b });

describe('material files', () => {
  it('accepts a real PDF, PNG, JPEG, text and an ODT by their magic numbers', () => {
    expect(checkMaterialFile(file('a.pdf', bytes('%PDF-1.7\n…')), params)).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(checkMaterialFile(file('obraz.PNG', png), params)).toMatchObject({
      ok: true,
      contentType: 'image/png',
    });
    expect(checkMaterialFile(file('f.jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0])), params)).toMatchObject(
      {
        ok: true,
      },
    );
    expect(
      checkMaterialFile(file('zasady.txt', bytes('Zasady grupy: mówi jedna osoba.\n')), params),
    ).toMatchObject({
      ok: true,
      contentType: 'text/plain',
    });
    const odt = new Uint8Array(120);
    odt.set([0x50, 0x4b, 0x03, 0x04]);
    odt.set(bytes('mimetypeapplication/vnd.oasis.opendocument.text'), 30);
    expect(sniffType(odt)).toBe('application/vnd.oasis.opendocument.text');
  });

  it('refuses a .pdf that is not a PDF, saying so', () => {
    expect(checkMaterialFile(file('umowa.pdf', bytes('MZ\x90\x00 not a pdf')), params)).toEqual({
      ok: false,
      key: 'education.materials.file.notWhatItSays',
      values: { type: 'PDF' },
    });
    // A PNG renamed to .txt is not text either.
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]);
    expect(checkMaterialFile(file('notatki.txt', png), params)).toMatchObject({ ok: false });
  });

  it('refuses a type outside the list, naming the allowed ones', () => {
    const r = checkMaterialFile(file('makro.exe', bytes('MZ')), params);
    expect(r).toMatchObject({ ok: false, key: 'education.materials.file.typeNotAllowed' });
    expect(r.ok ? '' : r.values?.types).toBe('PDF, DOCX, ODT, PNG, JPG, TXT');
    // An allowed extension whose type the parameter no longer lists.
    expect(checkMaterialFile(file('slajdy.pptx', bytes('PK\x03\x04')), params)).toMatchObject({
      ok: false,
      key: 'education.materials.file.typeNotAllowed',
    });
  });

  it('refuses a file over the limit with both sizes in MB', () => {
    const big = new Uint8Array(3 * 1_048_576 + 200_000);
    big.set(bytes('%PDF-'));
    expect(checkMaterialFile(file('duzy.pdf', big), { ...params, maxBytes: 2 * 1_048_576 })).toEqual({
      ok: false,
      key: 'education.materials.file.tooLarge',
      values: { size: 3.2, max: 2 },
    });
    expect(megabytes(20 * 1_048_576)).toBe(20);
    expect(megabytes(10)).toBe(0.01);
    expect(megabytes(40_000)).toBe(0.04);
  });

  it('refuses an empty file', () => {
    expect(checkMaterialFile(file('a.pdf', new Uint8Array()), params)).toMatchObject({
      key: 'education.materials.file.empty',
    });
  });
});

describe('who sees which materials', () => {
  it('gives staff everything, leaders and participants their audiences, others the public ones', () => {
    expect(visibleAudiences(['advisor'])).toEqual(['staff', 'leaders', 'participants', 'public']);
    expect(visibleAudiences(['leader'])).toEqual(['leaders', 'participants', 'public']);
    expect(visibleAudiences(['participant'])).toEqual(['participants', 'public']);
    expect(visibleAudiences(['partner_rep'])).toEqual(['public']);
    expect(visibleAudiences(['participant', 'leader'])).toEqual(['leaders', 'participants', 'public']);
    expect(visibleAudiences([], true)).toHaveLength(4);
  });
});

describe('link addresses', () => {
  it('takes http and https only', () => {
    expect(isAllowedUrl('https://isap.sejm.gov.pl/')).toBe(true);
    expect(isAllowedUrl('http://example.org/a?b=c')).toBe(true);
    expect(isAllowedUrl('javascript:alert(1)')).toBe(false);
    expect(isAllowedUrl('ftp://example.org/')).toBe(false);
    expect(isAllowedUrl('www.example.org')).toBe(false);
  });
});
