import { staffPersonDataFile } from '../../features/data-protection/export-route.server.ts';
import { runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/participant-data-pdf';

/** A participant's data as a readable PDF, for a subject access request (coordinator only, audited). */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, () => staffPersonDataFile(args, 'pdf'));
}
