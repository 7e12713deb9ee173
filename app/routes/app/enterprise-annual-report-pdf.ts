import { annualReportFile } from '../../features/enterprises/reports/annual-report-file.server.ts';
import type { Route } from './+types/enterprise-annual-report-pdf';

export async function loader(args: Route.LoaderArgs) {
  return annualReportFile(args, 'pdf');
}
