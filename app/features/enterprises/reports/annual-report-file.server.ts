import { renderDocx } from '../../../lib/documents/docx.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../../lib/documents/download.ts';
import { renderPdf } from '../../../lib/documents/pdf.server.ts';
import { AppError } from '../../../lib/errors.ts';
import { todayInWarsaw } from '../../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, runResource, services } from '../../../lib/request.server.ts';
import { reportYear } from './annual-report.rules.ts';
import { annualReportDocument } from './annual-report.sections.ts';
import { annualReportDraft } from './annual-report.server.ts';

type Args = Parameters<typeof requireActor>[0] & {
  request: Request;
  params: { locality: string; enterpriseId: string };
};

/** The annual report draft as a PDF, or a DOCX the enterprise can edit before sending it. */
export async function annualReportFile(args: Args, format: 'pdf' | 'docx'): Promise<Response> {
  return runResource(args.context, async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const year = reportYear(new URL(args.request.url).searchParams.get('year'), todayInWarsaw());
    if (year === null) throw new AppError('BAD_REQUEST', 'costs.annual.year.invalid');
    const draft = await annualReportDraft(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      year,
    });
    const i18n = i18nOf(args.context);
    const doc = annualReportDocument(i18n, draft);
    const filename = `${i18n.t('costs.annual.filename', { year: String(year), name: draft.organisation.name })}.${format}`;
    if (format === 'pdf')
      return fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf });
    return fileResponse(await renderDocx(doc), { filename, contentType: CONTENT_TYPES.docx });
  });
}
