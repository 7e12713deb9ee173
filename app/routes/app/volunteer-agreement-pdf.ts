import { volunteerAgreementDocument } from '../../features/volunteers/volunteer-agreement.document.ts';
import { requireVolunteerStaff } from '../../features/volunteers/volunteer-route.server.ts';
import { getVolunteer } from '../../features/volunteers/volunteers.queries.server.ts';
import type { AgreementParameter } from '../../features/volunteers/volunteers.rules.ts';
import { auditVolunteerRead } from '../../features/volunteers/volunteers.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { renderPdf } from '../../lib/documents/pdf.server.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { i18nOf, runResource, services } from '../../lib/request.server.ts';
import type { Route } from './+types/volunteer-agreement-pdf';

/** The volunteer agreement to print and sign (tagged PDF), filled from the record; the read is audited. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const ctx = await requireVolunteerStaff(args);
    const db = services(args.context).db;
    const volunteer = await getVolunteer(db, {
      localityId: ctx.locality.localityId,
      id: args.params.personId,
    });
    if (!volunteer) throw new AppError('NOT_FOUND', 'errors.404.body');
    const [parameter] = await Promise.all([
      legalParameter<AgreementParameter>(db, 'volunteers.agreement', todayInWarsaw()),
      auditVolunteerRead(db, { ...ctx, id: volunteer.person.id, what: 'agreement_pdf' }),
    ]);
    const i18n = i18nOf(args.context);
    const doc = volunteerAgreementDocument({
      i18n,
      localityName: ctx.locality.name,
      volunteer,
      parameter: parameter.value,
    });
    const filename = `${i18n.t('volunteers.doc.filename', {
      name: `${volunteer.person.givenName} ${volunteer.person.familyName}`,
    })}.pdf`;
    return fileResponse(await renderPdf(doc), { filename, contentType: CONTENT_TYPES.pdf });
  });
}
