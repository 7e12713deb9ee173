import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { requireReader } from '../../features/participants/participant-route.server.ts';
import { canManageParticipants, canSeeAccessLog } from '../../features/participants/participants.policy.ts';
import {
  participantFilter,
  searchParticipants,
} from '../../features/participants/participants.queries.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/participants';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireReader(args, { auditRefusal: true });
    const url = new URL(args.request.url);
    const filter = participantFilter(url);
    const page = parsePage(url, 50);
    const { rows, total } = await searchParticipants(services(args.context).db, {
      localityId: locality.localityId,
      filter,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      rows,
      canManage: canManageParticipants(actor, locality),
      canSeeLog: canSeeAccessLog(actor, locality),
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function Participants({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, filter, rows, canManage, canSeeLog, page } = loaderData;
  const base = `/app/${locality.slug}/participants`;
  return (
    <>
      <PageHeader
        title={t('participants.list.title')}
        lead={t('participants.list.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('participants.list.title') },
            ]}
          />
        }
        actions={
          <>
            {canManage ? (
              <Link to={`${base}/new`} className="button button--primary">
                {t('participants.list.add')}
              </Link>
            ) : null}
            {canSeeLog ? (
              <Link to={`${base}/access-log`} className="button button--secondary">
                {t('participants.list.accessLog')}
              </Link>
            ) : null}
          </>
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" role="search">
        <div className="filter-bar__field">
          <label htmlFor="pp-q">{t('participants.list.search')}</label>
          <input id="pp-q" name="q" type="search" defaultValue={filter.q} className="input input--medium" />
        </div>
        <div className="filter-bar__field">
          <label htmlFor="pp-status">{t('participants.list.status')}</label>
          <select id="pp-status" name="status" defaultValue={filter.status} className="input input--short">
            <option value="">{t('participants.list.statusAny')}</option>
            <option value="active">{t('participants.status.active')}</option>
            <option value="closed">{t('participants.status.closed')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.search')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filter.q || filter.status ? t('participants.list.noResults') : t('participants.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('participants.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('participants.list.name')}</th>
                <th scope="col">{t('participants.list.registeredOn')}</th>
                <th scope="col">{t('participants.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.id}>
                  <th scope="row">
                    <Link to={`${base}/${p.id}`}>
                      {p.familyName} {p.givenName}
                    </Link>
                  </th>
                  <td data-label={t('participants.list.registeredOn')}>{date(p.registeredOn)}</td>
                  <td data-label={t('participants.list.status')}>
                    {p.status === 'closed'
                      ? t('participants.status.closed')
                      : t('participants.status.active')}
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
