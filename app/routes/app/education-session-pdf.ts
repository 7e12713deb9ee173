import {
  groupFacilitatorNames,
  sessionSheet,
} from '../../features/education/groups/groups.queries.server.ts';
import { sessionAttendanceDocument } from '../../features/education/groups/groups-documents.server.ts';
import { loadGroup } from '../../features/education/groups/groups-route.server.ts';
import { warsawParts } from '../../features/meetings/meeting.rules.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { i18nOf, runResource, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/education-session-pdf';

/** The attendance list of a session to print and sign (tagged PDF); an export of personal data, audited. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const c = await loadGroup(args);
    const sheet = await sessionSheet(c.db, c, c.group.id, args.params.sessionId);
    if (!sheet) throwAppError(new AppError('NOT_FOUND', 'errors.404.body'));
    const facilitators = await groupFacilitatorNames(c.db, c.group.id);
    const i18n = i18nOf(args.context);
    const bytes = await renderPdf(
      sessionAttendanceDocument({ i18n, localityName: c.locality.name, sheet, facilitators }),
    );
    await writeAudit(c.db, {
      actorUserId: c.actor.userId,
      localityId: c.locality.localityId,
      requestId: c.actor.requestId,
      action: 'education.attendance.export',
      entityType: 'study_session',
      entityId: sheet.id,
      details: { format: 'pdf', groupId: c.group.id, count: sheet.members.length },
    });
    const filename = `${i18n.t('education.attendance.pdf.filename', { date: warsawParts(new Date(sheet.startsAt)).date })}.pdf`;
    return fileResponse(bytes, { filename, contentType: CONTENT_TYPES.pdf });
  });
}
