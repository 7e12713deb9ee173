import type { RouterContextProvider } from 'react-router';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { forbidden } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, services } from '../../lib/request.server.ts';
import { collectPersonData, type PersonData } from '../data-protection/person-data.server.ts';
import { canUseSelfService, requireSelfPerson } from './me.server.ts';

type Args = {
  request: Request;
  context: Readonly<RouterContextProvider>;
  params: { locality: string };
};

/**
 * "Download all my data" (GDPR art. 15 and 20): the person found from the account, everything
 * held about them in this locality, as JSON or a readable PDF. Audited as 'participant.export'
 * with the format (the actor is the person themselves).
 */
export async function myDataFile(
  args: Args,
  format: 'json' | 'pdf',
  render: (data: PersonData) => Uint8Array | Promise<Uint8Array>,
): Promise<Response> {
  const { actor, locality } = await requireActor(args, { locality: args.params.locality });
  if (!canUseSelfService(locality)) throw forbidden();
  const { db } = services(args.context);
  const personId = await requireSelfPerson(db, { actor, locality });
  const today = todayInWarsaw();
  const data = await collectPersonData(db, { localityId: locality.localityId, personId, today });
  const body = await render(data);
  await writeAudit(db, {
    actorUserId: actor.userId,
    localityId: locality.localityId,
    requestId: actor.requestId,
    action: 'participant.export',
    entityType: 'participant',
    entityId: personId,
    details: { format, bySelf: true },
  });
  const { t } = i18nOf(args.context);
  return fileResponse(body, {
    filename: `${t('me.download.filename', { date: today })}.${format}`,
    contentType: CONTENT_TYPES[format],
  });
}
