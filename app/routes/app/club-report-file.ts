import { annualReportDocument, annualReportSheets } from '../../features/club/annual-report.document.ts';
import { annualReport } from '../../features/club/annual-report.server.ts';
import { loadClub } from '../../features/club/club-route.server.ts';
import { reportYear } from '../../features/club/report-year.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import type { Route } from './+types/club-report-file';

/** The club's annual report for a year as PDF or XLSX. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const format = args.params.format;
    if (format !== 'pdf' && format !== 'xlsx') throw new AppError('NOT_FOUND', 'errors.404.body');
    const { db, club, locality } = await loadClub(args);
    const { year } = reportYear(new URL(args.request.url), todayInWarsaw());
    const report = await annualReport(db, { localityId: locality.localityId, clubId: club.id, year });
    const i18n = i18nOf(args.context);
    const filename = `${i18n.t('club.report.filename', { name: club.name, year: String(year) })}.${format}`;
    if (format === 'xlsx')
      return fileResponse(await toXlsx(annualReportSheets(i18n, report)), {
        filename,
        contentType: CONTENT_TYPES.xlsx,
      });
    const doc = annualReportDocument({
      i18n,
      localityName: locality.name,
      club: {
        name: club.name,
        runByName: club.runBy?.name ?? null,
        premisesAddress: club.premisesAddress,
        registerNumber: club.registerNumber,
      },
      report,
    });
    return fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf });
  });
}
