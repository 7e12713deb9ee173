import { canViewPartnership } from '../../features/partnerships/partnership.policy.ts';
import { agreementDocument } from '../../features/partnerships/partnership-agreement.server.ts';
import {
  getPartnership,
  listCommitments,
  listMembers,
} from '../../features/partnerships/partnerships.queries.server.ts';
import { renderDocx } from '../../lib/documents/docx.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { i18nOf, requireActor, runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/partnership-agreement';

/** The partnership agreement, generated from the data, as PDF or DOCX. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewPartnership(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const format = args.params.format;
    if (format !== 'pdf' && format !== 'docx') throw new AppError('NOT_FOUND', 'errors.404.body');
    const { db } = services(args.context);
    const partnership = await getPartnership(db, {
      localityId: locality.localityId,
      id: args.params.partnershipId,
    });
    if (!partnership) throw new AppError('NOT_FOUND', 'errors.404.body');
    const [members, commitments] = await Promise.all([
      listMembers(db, { localityId: locality.localityId, partnershipId: partnership.id }),
      listCommitments(db, { localityId: locality.localityId, partnershipId: partnership.id }),
    ]);
    const i18n = i18nOf(args.context);
    const doc = agreementDocument({ i18n, localityName: locality.name, partnership, members, commitments });
    const filename = `${i18n.t('partnerships.agreement.filename', { name: partnership.name })}.${format}`;
    return format === 'pdf'
      ? fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf })
      : fileResponse(await renderDocx(doc), { filename, contentType: CONTENT_TYPES.docx });
  });
}
