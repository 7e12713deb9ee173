import type { Db } from '../../../../db/client.ts';
import { contentDisposition } from '../../../lib/documents/download.ts';
import { AppError } from '../../../lib/errors.ts';
import type { MaterialVisibility } from './materials.rules.ts';
import { findVersion } from './materials.server.ts';
import type { MaterialStorage } from './storage.server.ts';

/**
 * A material's file as a download: only for an audience that may see the material (anyone else
 * gets 404, as if it did not exist), the stored bytes checked against their recorded hash.
 */
export async function materialDownload(
  db: Db,
  storage: MaterialStorage,
  opts: { localityId: string; materialId: string; version: string; audiences: MaterialVisibility[] },
): Promise<Response> {
  const version = opts.version === 'latest' ? 'latest' : Number.parseInt(opts.version, 10);
  if (
    version !== 'latest' &&
    (!Number.isSafeInteger(version) || version < 1 || String(version) !== opts.version)
  )
    throw new AppError('NOT_FOUND', 'errors.404.body');
  const row = await findVersion(db, { ...opts, version });
  if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
  const bytes = await storage.get(row.storageKey);
  if (!bytes) throw new AppError('NOT_FOUND', 'education.materials.fileMissing');
  const body = new Uint8Array(bytes.byteLength);
  body.set(bytes);
  return new Response(body, {
    status: 200,
    headers: {
      'Content-Type': row.contentType === 'text/plain' ? 'text/plain; charset=utf-8' : row.contentType,
      'Content-Disposition': contentDisposition(row.fileName),
      'Content-Length': String(body.byteLength),
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
      ETag: `"${row.sha256}"`,
    },
  });
}
