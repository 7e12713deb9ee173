import { attendanceListDocument } from '../../features/meetings/attendance-list.server.ts';
import { meetingDate } from '../../features/meetings/meeting-format.ts';
import { meetingForPage } from '../../features/meetings/meeting-route.server.ts';
import { listParticipants } from '../../features/meetings/meetings.queries.server.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/meeting-attendance-pdf';

/** The attendance list to print and sign (tagged PDF): invitees, an empty signature column, rows for walk-ins. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { actor, locality, db, partnership, meeting } = await meetingForPage(args, { manage: true });
    const participants = await listParticipants(db, {
      localityId: locality.localityId,
      meetingId: meeting.id,
    });
    const i18n = i18nOf(args.context);
    const doc = attendanceListDocument({
      i18n,
      localityName: locality.name,
      partnershipName: partnership.name,
      meeting,
      participants,
    });
    const filename = `${i18n.t('meetings.attendanceList.filename', {
      date: meetingDate('pl', meeting.startsAt).replace(/\//g, '-'),
    })}.pdf`;
    const bytes = await renderPdf(doc);
    // The list names people: an export of personal data, logged like the others.
    await writeAudit(db, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: 'meeting.attendance_export',
      entityType: 'meeting',
      entityId: meeting.id,
      details: { format: 'pdf', count: participants.length },
    });
    return fileResponse(bytes, { filename, contentType: CONTENT_TYPES.pdf });
  });
}
