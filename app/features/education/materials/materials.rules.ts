import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { Role } from '../../../lib/roles.ts';

export const MATERIAL_KINDS = ['document', 'slides', 'image', 'link'] as const;
export type MaterialKind = (typeof MATERIAL_KINDS)[number];

/** From the narrowest audience to the widest. */
export const MATERIAL_VISIBILITIES = ['staff', 'leaders', 'participants', 'public'] as const;
export type MaterialVisibility = (typeof MATERIAL_VISIBILITIES)[number];

export const MATERIAL_LANGUAGES = ['pl', 'en', 'uk', 'de'] as const;

/** The dated parameter `education.materialFiles`. */
export type MaterialFilesParameter = { maxBytes: number; types: string[] };

const CENTRE_STAFF: readonly Role[] = ['coordinator', 'advisor', 'animator'];

/**
 * Which audiences' materials a person with these roles may see: the Centre's staff everything;
 * leaders what is for leaders, participants and the public; participants what is for
 * participants and the public; anyone else (partners, enterprise members) the public ones.
 */
export function visibleAudiences(roles: readonly Role[], isPlatformAdmin = false): MaterialVisibility[] {
  if (isPlatformAdmin || roles.some((r) => CENTRE_STAFF.includes(r))) return [...MATERIAL_VISIBILITIES];
  if (roles.includes('leader')) return ['leaders', 'participants', 'public'];
  if (roles.includes('participant')) return ['participants', 'public'];
  return ['public'];
}

/** File types by extension: what a name promises, checked against the bytes. */
const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  odt: 'application/vnd.oasis.opendocument.text',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odp: 'application/vnd.oasis.opendocument.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  txt: 'text/plain',
};

/** Short names people know, for messages. */
export const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/vnd.oasis.opendocument.presentation': 'ODP',
  'image/png': 'PNG',
  'image/jpeg': 'JPG',
  'text/plain': 'TXT',
};

export function extensionOf(fileName: string): string {
  const m = /\.([a-z0-9]{1,8})$/i.exec(fileName.trim());
  return m ? m[1]!.toLowerCase() : '';
}

function startsWith(bytes: Uint8Array, sig: number[], at = 0): boolean {
  if (bytes.length < at + sig.length) return false;
  return sig.every((b, i) => bytes[at + i] === b);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  let s = '';
  for (let i = from; i < Math.min(to, bytes.length); i++) s += String.fromCharCode(bytes[i]!);
  return s;
}

/** Whether the bytes contain an ASCII marker (zip entry names are stored in plain text). */
function containsAscii(bytes: Uint8Array, marker: string): boolean {
  return ascii(bytes, 0, bytes.length).includes(marker);
}

/**
 * The type the bytes really are (magic numbers), or null when none we accept. Office files are
 * zip archives: OpenDocument names its type in the first entry `mimetype`; Office Open XML is
 * told apart by its `word/` or `ppt/` folder.
 */
export function sniffType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const head = ascii(bytes, 30, 100);
    if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.text'))
      return 'application/vnd.oasis.opendocument.text';
    if (head.startsWith('mimetypeapplication/vnd.oasis.opendocument.presentation'))
      return 'application/vnd.oasis.opendocument.presentation';
    if (containsAscii(bytes, '[Content_Types].xml')) {
      if (containsAscii(bytes, 'word/'))
        return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
      if (containsAscii(bytes, 'ppt/'))
        return 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
    }
    return null;
  }
  // Plain text: valid UTF-8 without control characters other than tab, line breaks and form feed.
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
    if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return null;
    return 'text/plain';
  } catch {
    return null;
  }
}

/** Megabytes (1 MB = 1,048,576 bytes): one decimal from 1 MB up, two below, never 0 for a non-empty file. */
export function megabytes(bytes: number): number {
  const mb = bytes / 1_048_576;
  const rounded = mb >= 1 ? Math.round(mb * 10) / 10 : Math.round(mb * 100) / 100;
  return bytes > 0 && rounded === 0 ? 0.01 : rounded;
}

export type FileCheck =
  | { ok: true; contentType: string }
  | { ok: false; key: MessageKey; values?: Record<string, string | number> };

/**
 * A file's type and size against the dated parameter. The type comes from the bytes; the name's
 * extension must promise the same type (a `.pdf` that is not a PDF is refused).
 */
export function checkMaterialFile(
  file: { name: string; size: number; bytes: Uint8Array },
  params: MaterialFilesParameter,
): FileCheck {
  const allowed = params.types.map((t) => TYPE_LABELS[t] ?? t).join(', ');
  if (file.size === 0 || file.bytes.length === 0) return { ok: false, key: 'education.materials.file.empty' };
  if (file.size > params.maxBytes || file.bytes.length > params.maxBytes)
    return {
      ok: false,
      key: 'education.materials.file.tooLarge',
      values: { size: megabytes(file.bytes.length || file.size), max: megabytes(params.maxBytes) },
    };
  const promised = EXTENSIONS[extensionOf(file.name)];
  if (!promised || !params.types.includes(promised))
    return { ok: false, key: 'education.materials.file.typeNotAllowed', values: { types: allowed } };
  const real = sniffType(file.bytes);
  if (real !== promised)
    return {
      ok: false,
      key: 'education.materials.file.notWhatItSays',
      values: { type: TYPE_LABELS[promised] ?? promised },
    };
  return { ok: true, contentType: real };
}

/** A link material's address: http or https only. */
export function isAllowedUrl(value: string): boolean {
  try {
    const u = new URL(value);
    return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
  } catch {
    return false;
  }
}
