import { costReportFile } from '../../features/costs/cost-report-file.server.ts';
import type { Route } from './+types/in-kind-report-pdf';

export async function loader(args: Route.LoaderArgs) {
  return costReportFile(args, 'pdf');
}
