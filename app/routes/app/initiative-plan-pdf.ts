import { businessPlanDocument } from '../../features/initiatives/business-plan.document.ts';
import { requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { getInitiative } from '../../features/initiatives/initiatives.queries.server.ts';
import { auditInitiative } from '../../features/initiatives/initiatives-core.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { i18nOf, runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiative-plan-pdf';

/** The business plan as a PDF, in the user's language (Polish by default); the download is audited. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const ctx = await requireInitiativeReader(args);
    const db = services(args.context).db;
    const initiative = await getInitiative(db, {
      localityId: ctx.locality.localityId,
      id: args.params.initiativeId,
    });
    if (!initiative?.plan) throw new AppError('NOT_FOUND', 'errors.404.body');
    await auditInitiative(db, ctx, 'initiative.plan.export', initiative.id, { format: 'pdf' });
    const i18n = i18nOf(args.context);
    const doc = businessPlanDocument({
      i18n,
      localityName: ctx.locality.name,
      initiative,
      plan: initiative.plan,
    });
    const filename = `${i18n.t('initiatives.doc.filename', { name: initiative.name })}.pdf`;
    return fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf });
  });
}
