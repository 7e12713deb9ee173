import { requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { jobsReportDocument, jobsReportSheets } from '../../features/enterprises/jobs-report.document.ts';
import {
  auditJobsReportExport,
  jobsReport,
  reportQuery,
} from '../../features/enterprises/jobs-report.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, runResource, services } from '../../lib/request.server.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import type { Route } from './+types/jobs-report-file';

/** The jobs report for funders as XLSX or PDF (initials only); the download is audited as an export. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const format = args.params.format;
    if (format !== 'pdf' && format !== 'xlsx') throw new AppError('NOT_FOUND', 'errors.404.body');
    const { actor, locality, organisations } = await requireEnterpriseReader(args);
    const today = todayInWarsaw();
    const q = reportQuery(new URL(args.request.url), today);
    if (!q.ok) {
      const first = Object.values(q.errors)[0];
      throw new AppError(
        'BAD_REQUEST',
        typeof first === 'string' ? first : 'enterprises.report.from.invalid',
      );
    }
    const db = services(args.context).db;
    const report = await jobsReport(db, {
      localityId: locality.localityId,
      organisationIds: organisations,
      ...q,
      today,
    });
    await auditJobsReportExport(
      db,
      { actor, locality },
      { format, from: q.from, to: q.to, grantId: q.grantId, jobs: report.totals.jobs },
    );
    const i18n = i18nOf(args.context);
    const filename = `${i18n.t('enterprises.report.filename', { locality: locality.slug, from: q.from, to: q.to })}.${format}`;
    if (format === 'xlsx')
      return fileResponse(await toXlsx(jobsReportSheets(i18n, report)), {
        filename,
        contentType: CONTENT_TYPES.xlsx,
      });
    return fileResponse(await renderPdf(jobsReportDocument(i18n, report, locality.name)), {
      filename,
      contentType: CONTENT_TYPES.pdf,
    });
  });
}
