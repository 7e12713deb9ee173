import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, runResource, services } from '../../lib/request.server.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import { costReportDocument, costReportSheets } from './cost-report.document.ts';
import { costReport } from './costs.queries.server.ts';
import { parsePeriod } from './costs.rules.ts';
import { requireCostsReader } from './costs-route.server.ts';

type Args = Parameters<typeof requireCostsReader>[0] & { request: Request };

/** The cost-reduction report as a PDF or XLSX download (figures only, no personal data). */
export async function costReportFile(args: Args, format: 'pdf' | 'xlsx'): Promise<Response> {
  return runResource(args.context, async () => {
    const { locality } = await requireCostsReader(args);
    const url = new URL(args.request.url);
    const period = parsePeriod(
      { from: url.searchParams.get('from'), to: url.searchParams.get('to') },
      todayInWarsaw(),
    );
    if (!period.ok) {
      const first = Object.values(period.errors)[0];
      throw new AppError('BAD_REQUEST', typeof first === 'string' ? first : 'costs.report.period.order');
    }
    const report = await costReport(services(args.context).db, {
      localityId: locality.localityId,
      from: period.from,
      to: period.to,
    });
    const i18n = i18nOf(args.context);
    const filename = `${i18n.t('costs.report.filename', { locality: locality.slug, from: period.from, to: period.to })}.${format}`;
    if (format === 'pdf')
      return fileResponse(await renderPdf(costReportDocument(i18n, report, locality.name)), {
        filename,
        contentType: CONTENT_TYPES.pdf,
      });
    return fileResponse(await toXlsx(costReportSheets(i18n, report)), {
      filename,
      contentType: CONTENT_TYPES.xlsx,
    });
  });
}
