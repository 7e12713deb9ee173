import { attendanceMatrix } from '../../features/education/groups/groups.queries.server.ts';
import { attendanceWorkbook } from '../../features/education/groups/groups-documents.server.ts';
import { loadGroup } from '../../features/education/groups/groups-route.server.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import type { Route } from './+types/education-group-xlsx';

/** The group's attendance register (members × sessions) as XLSX; an export of personal data, audited. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const c = await loadGroup(args);
    const matrix = await attendanceMatrix(c.db, c, c.group.id);
    const i18n = i18nOf(args.context);
    const bytes = await toXlsx(attendanceWorkbook({ i18n, groupName: c.group.name, matrix }));
    await writeAudit(c.db, {
      actorUserId: c.actor.userId,
      localityId: c.locality.localityId,
      requestId: c.actor.requestId,
      action: 'education.attendance.export',
      entityType: 'study_group',
      entityId: c.group.id,
      details: { format: 'xlsx', members: matrix.members.length, sessions: matrix.sessions.length },
    });
    return fileResponse(bytes, {
      filename: `${i18n.t('education.attendance.xlsx.filename')}.xlsx`,
      contentType: CONTENT_TYPES.xlsx,
    });
  });
}
