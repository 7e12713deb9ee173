import { personDataPdf } from '../../features/data-protection/person-data.server.ts';
import { myDataFile } from '../../features/me/me-export.server.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/me-data-pdf';

/** All my data as a readable PDF, in the reader's language. */
export async function loader(args: Route.LoaderArgs) {
  const { locale } = i18nOf(args.context);
  return runResource(args.context, () => myDataFile(args, 'pdf', (data) => personDataPdf(data, { locale })));
}
