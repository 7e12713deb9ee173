import { personDataJson } from '../../features/data-protection/person-data.server.ts';
import { myDataFile } from '../../features/me/me-export.server.ts';
import { runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/me-data-json';

/** All my data as JSON (machine-readable, GDPR art. 20). */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, () =>
    myDataFile(args, 'json', (data) => new TextEncoder().encode(personDataJson(data))),
  );
}
