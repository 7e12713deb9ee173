import type { RouterContextProvider } from 'react-router';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, services } from '../../lib/request.server.ts';
import { getParticipant } from '../participants/participants.queries.server.ts';
import { refuseParticipantRead } from '../participants/participants.server.ts';
import { canManageDataProtection } from './data-protection.policy.ts';
import { collectPersonData, personDataJson, personDataPdf } from './person-data.server.ts';

type Args = {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: { locality: string; personId: string };
};

/**
 * Staff download of everything held about a participant (a subject access request, GDPR
 * art. 15): the coordinator or a platform admin only. Audited as 'participant.export' with the
 * format; a refused download is audited as a refused read. Erased or unknown here: 404.
 */
export async function staffPersonDataFile(args: Args, format: 'json' | 'pdf'): Promise<Response> {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  const { db } = services(args.context);
  const personId = args.params.personId;
  if (!canManageDataProtection(actor, locality)) {
    await refuseParticipantRead(db, { actor, locality, id: personId, reason: 'role' });
    throw new AppError('FORBIDDEN', 'errors.403.body');
  }
  const row = await getParticipant(db, { localityId: locality.localityId, id: personId });
  if (!row) {
    await refuseParticipantRead(db, { actor, locality, id: personId, reason: 'unknown' });
    throw new AppError('NOT_FOUND', 'errors.404.body');
  }
  const today = todayInWarsaw();
  const data = await collectPersonData(db, { localityId: locality.localityId, personId, today });
  const i18n = i18nOf(args.context);
  const body =
    format === 'json'
      ? new TextEncoder().encode(personDataJson(data))
      : await personDataPdf(data, { locale: i18n.locale });
  await writeAudit(db, {
    actorUserId: actor.userId,
    localityId: locality.localityId,
    requestId: actor.requestId,
    action: 'participant.export',
    entityType: 'participant',
    entityId: personId,
    details: { format, bySelf: false },
  });
  const name = `${data.person.givenName} ${data.person.familyName}`.trim();
  return fileResponse(body, {
    filename: `${i18n.t('participants.dp.file.name', { name, date: today })}.${format}`,
    contentType: CONTENT_TYPES[format],
  });
}
