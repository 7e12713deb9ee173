import { materialStorage } from '../../features/education/materials/storage.server.ts';
import { getDocument } from '../../features/financing/financing.queries.server.ts';
import { requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import { contentDisposition } from '../../lib/documents/download.ts';
import { AppError } from '../../lib/errors.ts';
import { runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing-document';

/** An application's document as a download (managers only; another locality's id is a 404). */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const ctx = await requireFinancingManager(args);
    const { db, config } = services(args.context);
    const row = await getDocument(db, {
      localityId: ctx.locality.localityId,
      applicationId: args.params.id,
      id: args.params.documentId,
    });
    if (!row) throw new AppError('NOT_FOUND', 'errors.404.body');
    const bytes = await materialStorage(config.materialStorage).get(row.storageKey);
    if (!bytes) throw new AppError('NOT_FOUND', 'errors.404.body');
    const body = new Uint8Array(bytes.byteLength);
    body.set(bytes);
    return new Response(body, {
      headers: {
        'Content-Type': row.contentType,
        'Content-Disposition': contentDisposition(row.fileName),
        'Content-Length': String(body.byteLength),
        'Cache-Control': 'private, no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    });
  });
}
