import { materialDownload } from '../../features/education/materials/material-download.server.ts';
import { findLocalityBySlug } from '../../features/education/materials/materials.server.ts';
import { materialStorage } from '../../features/education/materials/storage.server.ts';
import { AppError } from '../../lib/errors.ts';
import { runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/materials-file';

/** The latest file of a public material, for anyone. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { db, config } = services(args.context);
    const locality = await findLocalityBySlug(db, args.params.locality);
    if (!locality) throw new AppError('NOT_FOUND', 'errors.404.body');
    return materialDownload(db, materialStorage(config.materialStorage), {
      localityId: locality.id,
      materialId: args.params.materialId,
      version: 'latest',
      audiences: ['public'],
    });
  });
}
