import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { requireVolunteerReader } from '../../features/volunteers/volunteer-route.server.ts';
import { searchVolunteers, volunteerFilter } from '../../features/volunteers/volunteers.queries.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/volunteers';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, organisations } = await requireVolunteerReader(args);
    const url = new URL(args.request.url);
    const filter = volunteerFilter(url);
    const page = parsePage(url, 50);
    const year = todayInWarsaw().slice(0, 4);
    const r = await searchVolunteers(services(args.context).db, {
      localityId: locality.localityId,
      filter,
      year,
      offset: page.offset,
      limit: page.pageSize,
      organisationIds: organisations,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      year,
      rows: r.rows,
      totals: { hours: r.hours, value: r.value },
      canRegister: organisations === null,
      page: { page: page.page, pageSize: page.pageSize, total: r.total },
    };
  });
}

export default function Volunteers({ loaderData }: Route.ComponentProps) {
  const { t, date, money, number } = useI18n();
  const { locality, filter, year, rows, totals, page, canRegister } = loaderData;
  const base = `/app/${locality.slug}/volunteers`;
  const hours = (h: number) => t('volunteers.hoursShort', { hours: number(h) });
  return (
    <>
      <PageHeader
        title={t('volunteers.list.title')}
        lead={
          canRegister
            ? t('volunteers.list.lead', { locality: locality.name })
            : t('volunteers.list.leadHost', { locality: locality.name })
        }
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('volunteers.list.title') },
            ]}
          />
        }
        actions={
          canRegister ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('volunteers.list.add')}
            </Link>
          ) : null
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" role="search">
        <div className="filter-bar__field">
          <label htmlFor="vl-q">{t('volunteers.list.search')}</label>
          <input id="vl-q" name="q" type="search" defaultValue={filter.q} className="input input--medium" />
        </div>
        <div className="filter-bar__field">
          <label htmlFor="vl-status">{t('volunteers.list.status')}</label>
          <select id="vl-status" name="status" defaultValue={filter.status} className="input input--short">
            <option value="">{t('volunteers.list.statusAny')}</option>
            <option value="active">{t('volunteers.status.active')}</option>
            <option value="ended">{t('volunteers.status.ended')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.search')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filter.q || filter.status ? t('volunteers.list.noResults') : t('volunteers.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('volunteers.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('volunteers.list.name')}</th>
                <th scope="col">{t('volunteers.form.organisation.label')}</th>
                <th scope="col">{t('volunteers.form.since.label')}</th>
                <th scope="col">{t('volunteers.list.status')}</th>
                <th scope="col" className="num">
                  {t('volunteers.list.hoursIn', { year })}
                </th>
                <th scope="col" className="num">
                  {t('volunteers.list.valueIn', { year })}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((v) => (
                <tr key={v.id}>
                  <th scope="row">
                    <Link to={`${base}/${v.id}`}>
                      {v.familyName} {v.givenName}
                    </Link>
                  </th>
                  <td data-label={t('volunteers.form.organisation.label')}>{v.organisationName ?? '—'}</td>
                  <td data-label={t('volunteers.form.since.label')}>{date(v.since)}</td>
                  <td data-label={t('volunteers.list.status')}>
                    {v.status === 'ended' ? t('volunteers.status.ended') : t('volunteers.status.active')}
                  </td>
                  <td className="num" data-label={t('volunteers.list.hoursIn', { year })}>
                    {hours(v.hours)}
                  </td>
                  <td className="num" data-label={t('volunteers.list.valueIn', { year })}>
                    {money(v.value)}
                  </td>
                </tr>
              ))}
              <tr className="row--total">
                <th scope="row" colSpan={4}>
                  {t('volunteers.list.totals', { year })}
                </th>
                <td className="num" data-label={t('volunteers.list.hoursIn', { year })}>
                  <strong>{hours(totals.hours)}</strong>
                </td>
                <td className="num" data-label={t('volunteers.list.valueIn', { year })}>
                  <strong>{money(totals.value)}</strong>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
    </>
  );
}
