import { directoryFilter } from '../../features/organisations/directory-filter.ts';
import { columnHeaders } from '../../features/organisations/import-organisations.server.ts';
import { canViewDirectory } from '../../features/organisations/organisation.policy.ts';
import type { LegalForm, OrganisationKind } from '../../features/organisations/organisation.rules.ts';
import { exportOrganisations } from '../../features/organisations/organisations.queries.server.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { CONTENT_TYPES, fileResponse } from '../../lib/documents/download.ts';
import { AppError } from '../../lib/errors.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, runResource, services } from '../../lib/request.server.ts';
import { toCsv } from '../../lib/tabular/csv.ts';
import { toXlsx } from '../../lib/tabular/xlsx.server.ts';
import type { Route } from './+types/organisations-export';

/** The directory (with the list's filters) as CSV or XLSX; `?template=1` gives an empty import template. */
export async function loader(args: Route.LoaderArgs) {
  return runResource(args.context, async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewDirectory(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const format = args.params.format;
    if (format !== 'csv' && format !== 'xlsx') throw new AppError('NOT_FOUND', 'errors.404.body');
    const { t, locale } = i18nOf(args.context);
    const url = new URL(args.request.url);
    // Headers in the reader's language; the import accepts either language's headers.
    const header = columnHeaders(locale);
    const { db } = services(args.context);
    if (url.searchParams.get('template') === '1') {
      return fileResponse(
        toCsv(header, [
          header.map((_, i) =>
            i === 0 ? 'Stowarzyszenie Przykładowe' : i === 1 ? t('organisations.kind.association') : '',
          ),
        ]),
        {
          filename: locale === 'pl' ? 'szablon-organizacje.csv' : 'organisations-template.csv',
          contentType: CONTENT_TYPES.csv,
        },
      );
    }
    const rows = await exportOrganisations(db, {
      localityId: locality.localityId,
      filter: directoryFilter(url),
    });
    const body = rows.map((r) => [
      r.name,
      t(`organisations.kind.${r.kind as OrganisationKind}`),
      t(`organisations.legalForm.${r.legalForm as LegalForm}`),
      r.nip ?? '',
      r.regon ?? '',
      r.krs ?? '',
      r.street,
      r.houseNo,
      r.flatNo,
      r.postalCode,
      r.city,
      r.phone,
      r.email,
      r.website,
    ]);
    const pesHeader = t('organisations.list.pesFilter');
    const withPes = rows.map((r, i) => [
      ...body[i]!,
      r.isPes ? t('organisations.list.pesYes') : t('organisations.list.pesNo'),
    ]);
    await writeAudit(db, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: 'organisation.export',
      entityType: 'organisation',
      details: { format, count: rows.length },
    });
    const filename = `${locale === 'pl' ? 'organizacje' : 'organisations'}-${locality.slug}-${todayInWarsaw()}.${format}`;
    if (format === 'csv')
      return fileResponse(toCsv([...header, pesHeader], withPes), {
        filename,
        contentType: CONTENT_TYPES.csv,
      });
    const bytes = await toXlsx([
      { name: t('organisations.list.title'), header: [...header, pesHeader], rows: withPes },
    ]);
    return fileResponse(bytes, { filename, contentType: CONTENT_TYPES.xlsx });
  });
}
