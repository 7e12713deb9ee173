import { materialDownload } from '../../features/education/materials/material-download.server.ts';
import { audiencesFor } from '../../features/education/materials/materials.server.ts';
import { materialStorage } from '../../features/education/materials/storage.server.ts';
import { requireLibraryReader } from '../../features/education/programmes/education-route.server.ts';
import { runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-material-version';

export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const ctx = await requireLibraryReader(args);
    const { db, config } = services(args.context);
    return materialDownload(db, materialStorage(config.materialStorage), {
      localityId: ctx.locality.localityId,
      materialId: args.params.materialId,
      version: args.params.version,
      audiences: audiencesFor(ctx),
    });
  });
}
