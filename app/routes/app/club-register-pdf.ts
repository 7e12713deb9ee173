import { loadClub } from '../../features/club/club-route.server.ts';
import { registerEntry, registerEntryDocument } from '../../features/club/register-entry.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, runResource } from '../../lib/request.server.ts';
import type { Route } from './+types/club-register-pdf';

/** The data for the voivode's register of KIS, as a PDF to send with the notification. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { db, club, locality } = await loadClub(args);
    const entry = await registerEntry(db, { club, today: todayInWarsaw() });
    const i18n = i18nOf(args.context);
    const doc = registerEntryDocument({ i18n, localityName: locality.name, club, entry });
    return fileResponse(await renderPdf(doc), {
      filename: `${i18n.t('club.register.doc.filename', { name: club.name })}.pdf`,
      contentType: CONTENT_TYPES.pdf,
    });
  });
}
