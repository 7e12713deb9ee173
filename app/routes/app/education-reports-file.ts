import {
  auditReportExport,
  canReadEducationReports,
  educationReport,
  reportPeriod,
} from '../../features/education/reports/report.server.ts';
import { reportCsv, reportSheets } from '../../features/education/reports/report.tabular.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, runResource, services } from '../../lib/request.server.ts';
import { toCsv } from '../../lib/tabular/csv.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import type { Route } from './+types/education-reports-file';

/** The unique-persons-and-hours report as XLSX (a sheet per breakdown) or CSV; audited as an export. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const format = args.params.format;
    if (format !== 'csv' && format !== 'xlsx') throw new AppError('NOT_FOUND', 'errors.404.body');
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canReadEducationReports(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const period = reportPeriod(new URL(args.request.url), todayInWarsaw());
    if (!period.ok) {
      const first = Object.values(period.errors)[0];
      throw new AppError(
        'BAD_REQUEST',
        typeof first === 'string' ? first : 'education.reports.period.fromMissing',
      );
    }
    const { db } = services(args.context);
    const report = await educationReport(db, {
      localityId: locality.localityId,
      from: period.from,
      to: period.to,
    });
    await auditReportExport(db, { actor, locality }, { format, from: period.from, to: period.to });
    const i18n = i18nOf(args.context);
    const filename = `${i18n.t('education.reports.filename', { locality: locality.slug, from: period.from, to: period.to })}.${format}`;
    if (format === 'csv') {
      const { header, rows } = reportCsv(i18n, report);
      return fileResponse(toCsv(header, rows), { filename, contentType: CONTENT_TYPES.csv });
    }
    return fileResponse(await toXlsx(reportSheets(i18n, report, locality.name)), {
      filename,
      contentType: CONTENT_TYPES.xlsx,
    });
  });
}
