import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { canSeeAccessLog } from '../../features/participants/participants.policy.ts';
import { accessLog } from '../../features/participants/participants.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/participants-access-log';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canSeeAccessLog(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const url = new URL(args.request.url);
    const filter = {
      staff: url.searchParams.get('staff') ?? '',
      person: url.searchParams.get('person') ?? '',
    };
    const page = parsePage(url, 50);
    const { rows, total, staff } = await accessLog(services(args.context).db, {
      localityId: locality.localityId,
      filter,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      staff,
      rows: rows.map((r) => ({
        id: r.id,
        at: r.at.toISOString(),
        refused: r.action === 'participant.read_refused',
        staffName: r.staffName,
        personId: r.personId,
        name: r.personId ? (r.erasedAt ? null : `${r.givenName} ${r.familyName}`) : undefined,
        list: r.entityId === null,
      })),
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function ParticipantsAccessLog({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { locality, filter, staff, rows, page } = loaderData;
  const base = `/app/${locality.slug}/participants`;
  return (
    <>
      <PageHeader
        title={t('participants.access.title')}
        lead={t('participants.access.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('participants.list.title') },
              { label: t('participants.access.title') },
            ]}
          />
        }
      />
      <Form method="get" className="filter-bar" role="search">
        <div className="filter-bar__field">
          <label htmlFor="al-staff">{t('participants.access.staff')}</label>
          <select id="al-staff" name="staff" defaultValue={filter.staff} className="input input--medium">
            <option value="">{t('participants.access.anyStaff')}</option>
            {staff.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        {filter.person ? <input type="hidden" name="person" value={filter.person} /> : null}
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
        {filter.person ? <Link to={`${base}/access-log`}>{t('participants.access.showAll')}</Link> : null}
      </Form>
      {rows.length === 0 ? (
        <p>{t('participants.access.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('participants.access.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.access.when')}</th>
                <th scope="col">{t('participants.access.who')}</th>
                <th scope="col">{t('participants.access.whom')}</th>
                <th scope="col">{t('participants.access.what')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">{dateTime(r.at)}</th>
                  <td data-label={t('participants.access.who')}>
                    {r.staffName ?? t('participants.page.unknownUser')}
                  </td>
                  <td data-label={t('participants.access.whom')}>
                    {r.list ? (
                      t('participants.access.list')
                    ) : r.name === undefined ? (
                      t('participants.access.unknown')
                    ) : r.name === null ? (
                      t('participants.access.erased')
                    ) : (
                      <>
                        <Link to={`${base}/${r.personId}`}>{r.name}</Link> (
                        <Link to={`${base}/access-log?person=${r.personId}`}>
                          {t('participants.access.filterPerson')}
                        </Link>
                        )
                      </>
                    )}
                  </td>
                  <td data-label={t('participants.access.what')}>
                    {r.refused ? t('participants.access.refused') : t('participants.access.read')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
    </>
  );
}
