import { Form, Link } from 'react-router';
import { LOCALITY_KINDS } from '../../../db/reference/teryt.ts';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { isLocalityKind, listLocalitiesWithProgress } from '../../features/localities/localities.server.ts';
import { STEP_KEYS, type StepStatus } from '../../features/roadmap/roadmap.rules.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requirePlatformAdmin, services } from '../../lib/request.server.ts';
import type { Route } from './+types/overview';

export async function loader(args: Route.LoaderArgs) {
  requirePlatformAdmin(args);
  const url = new URL(args.request.url);
  const kindParam = url.searchParams.get('kind');
  const kind = isLocalityKind(kindParam) ? kindParam : null;
  const page = parsePage(url, 12);
  const { rows, total } = await listLocalitiesWithProgress(services(args.context).db, {
    kind,
    offset: page.offset,
    limit: page.pageSize,
    today: todayInWarsaw(),
  });
  return { rows, kind, page: { page: page.page, pageSize: page.pageSize, total } };
}

const ICON: Record<StepStatus, string> = { not_started: '○', in_progress: '◐', done: '●' };

export default function AdminOverview({ loaderData }: Route.ComponentProps) {
  const { t, percent } = useI18n();
  const { rows, kind, page } = loaderData;
  return (
    <>
      <PageHeader title={t('admin.overview.title')} lead={t('admin.overview.lead')} />
      <Form method="get" className="filter-bar">
        <label htmlFor="kind-filter">{t('admin.overview.filterKind')}</label>
        <select id="kind-filter" name="kind" defaultValue={kind ?? ''} className="input input--medium">
          <option value="">{t('admin.overview.allKinds')}</option>
          {LOCALITY_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`common.localityKind.${k}`)}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t('admin.overview.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--matrix">
            <caption>{t('admin.overview.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.overview.col.step')}</th>
                {rows.map((r) => (
                  <th scope="col" key={r.id}>
                    <Link to={`/app/${r.slug}`}>{r.name}</Link>
                    <span className="th-sub">{t(`common.localityKind.${r.kind}`)}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              <tr className="row--total">
                <th scope="row">{t('admin.overview.col.progress')}</th>
                {rows.map((r) => (
                  <td key={r.id}>
                    <strong>{percent(r.total ? r.done / r.total : 0)}</strong>
                    <span className="th-sub">
                      {t('roadmap.home.progressText', { done: r.done, total: r.total })}
                    </span>
                    {r.overdue > 0 ? (
                      <span className="overdue-flag">
                        {t('admin.overview.overdue', { count: r.overdue })}
                      </span>
                    ) : null}
                  </td>
                ))}
              </tr>
              {STEP_KEYS.map((key) => (
                <tr key={key}>
                  <th scope="row">{t(`roadmap.step.${key}.title`)}</th>
                  {rows.map((r) => {
                    const status = r.statuses[key] ?? 'not_started';
                    return (
                      <td key={r.id} className={`cell--${status}`}>
                        <span aria-hidden="true">{ICON[status]} </span>
                        {t(`roadmap.status.${status}`)}
                      </td>
                    );
                  })}
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
