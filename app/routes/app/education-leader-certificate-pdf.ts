import { certificateDocument } from '../../features/education/leaders/certificate.document.ts';
import { certificateData } from '../../features/education/leaders/leaders.queries.server.ts';
import { requireLeadersStaff } from '../../features/education/leaders/leaders-route.server.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { getI18n } from '../../lib/i18n/i18n.ts';
import { runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-leader-certificate-pdf';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A leader's certificate as a tagged PDF, in Polish (`?lang=en`: English); audited as an export. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { actor, locality } = await requireLeadersStaff(args);
    const db = services(args.context).db;
    const id = args.params.qualificationId;
    if (!UUID.test(id)) throw new AppError('NOT_FOUND', 'errors.404.body');
    const c = await certificateData(db, { localityId: locality.localityId, qualificationId: id });
    if (!c) throw new AppError('NOT_FOUND', 'errors.404.body');
    const lang = new URL(args.request.url).searchParams.get('lang') === 'en' ? 'en' : 'pl';
    const i18n = getI18n(lang);
    await writeAudit(db, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: 'education.certificate.export',
      entityType: 'leader_qualification',
      entityId: c.id,
      details: { certificateNumber: c.certificateNumber, language: lang, format: 'pdf' },
    });
    const doc = certificateDocument({ i18n, localityName: locality.name, c });
    const filename = `${i18n.t('education.leaders.certificate.filename', { number: c.certificateNumber.replaceAll('/', '-') })}.pdf`;
    return fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf });
  });
}
