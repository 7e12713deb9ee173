import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { listLocalitiesWithProgress } from '../../features/localities/localities.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requirePlatformAdmin, services } from '../../lib/request.server.ts';
import type { Route } from './+types/localities';

export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const page = parsePage(new URL(args.request.url));
  const { rows, total } = await listLocalitiesWithProgress(services(args.context).db, {
    kind: null,
    offset: page.offset,
    limit: page.pageSize,
    today: todayInWarsaw(),
  });
  return {
    rows: rows.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      kind: r.kind,
      voivodeship: r.voivodeship,
      population: r.population,
      done: r.done,
      total: r.total,
    })),
    page: { page: page.page, pageSize: page.pageSize, total },
  };
}

export default function AdminLocalities({ loaderData }: Route.ComponentProps) {
  const { t, number } = useI18n();
  return (
    <>
      <PageHeader
        title={t('admin.localities.title')}
        actions={
          <Link to="/admin/localities/new" className="button button--primary">
            {t('admin.localities.add')}
          </Link>
        }
      />
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{t('admin.localities.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('admin.localities.col.name')}</th>
              <th scope="col">{t('admin.localities.col.kind')}</th>
              <th scope="col">{t('admin.localities.col.voivodeship')}</th>
              <th scope="col" className="num">
                {t('admin.localities.col.population')}
              </th>
              <th scope="col">{t('admin.localities.col.roadmap')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('admin.users.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {loaderData.rows.map((r) => (
              <tr key={r.id}>
                <th scope="row">
                  <Link to={`/app/${r.slug}`}>{r.name}</Link>
                </th>
                <td>{t(`common.localityKind.${r.kind}`)}</td>
                <td>{r.voivodeship}</td>
                <td className="num">{r.population === null ? '—' : number(r.population)}</td>
                <td>{t('roadmap.home.progressText', { done: r.done, total: r.total })}</td>
                <td>
                  <Link to={`/admin/users/invite?locality=${r.id}`}>
                    {t('admin.users.invite')}
                    <span className="visually-hidden">: {r.name}</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pagination info={loaderData.page} />
    </>
  );
}
