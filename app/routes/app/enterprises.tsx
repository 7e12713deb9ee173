import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { legalFormKey, psStatusKey } from '../../features/enterprises/enterprise.labels.ts';
import { requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { canManageEnterprises } from '../../features/enterprises/enterprises.policy.ts';
import { enterpriseFilter, listEnterprises } from '../../features/enterprises/enterprises.queries.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprises';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, organisations } = await requireEnterpriseReader(args);
    const url = new URL(args.request.url);
    const filter = enterpriseFilter(url);
    const page = parsePage(url, 25);
    const r = await listEnterprises(services(args.context).db, {
      localityId: locality.localityId,
      organisationIds: organisations,
      filter,
      today: todayInWarsaw(),
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      rows: r.rows,
      legalForms: r.legalForms,
      canCreate: canManageEnterprises(actor, locality),
      page: { page: page.page, pageSize: page.pageSize, total: r.total },
    };
  });
}

export default function Enterprises({ loaderData }: Route.ComponentProps) {
  const { t, percent } = useI18n();
  const { locality, filter, rows, legalForms, canCreate, page } = loaderData;
  const base = `/app/${locality.slug}/enterprises`;
  return (
    <>
      <PageHeader
        title={t('enterprises.list.title')}
        lead={t('enterprises.list.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('enterprises.list.title') },
            ]}
          />
        }
        actions={
          <>
            <Link to={`/app/${locality.slug}/jobs`} className="button button--secondary">
              {t('enterprises.jobs.title')}
            </Link>
            {canCreate ? (
              <Link to={`${base}/new`} className="button button--primary">
                {t('enterprises.list.add')}
              </Link>
            ) : null}
          </>
        }
      />
      <Form method="get" className="filter-bar" role="search">
        <div className="filter-bar__field">
          <label htmlFor="ent-form">{t('enterprises.list.legalForm')}</label>
          <select id="ent-form" name="form" defaultValue={filter.legalForm} className="input input--medium">
            <option value="">{t('enterprises.list.anyForm')}</option>
            {legalForms.map((f) => (
              <option key={f} value={f}>
                {t(legalFormKey(f))}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('enterprises.list.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t('enterprises.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('enterprises.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('enterprises.list.name')}</th>
                <th scope="col">{t('enterprises.list.legalForm')}</th>
                <th scope="col">{t('enterprises.list.ps')}</th>
                <th scope="col">{t('enterprises.list.check')}</th>
                <th scope="col" className="num">
                  {t('enterprises.list.jobsNow')}
                </th>
                <th scope="col" className="num">
                  {t('enterprises.list.atRisk')}
                </th>
                <th scope="col" className="num">
                  {t('enterprises.list.ownShare3')}
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>{r.name}</Link>
                  </th>
                  <td data-label={t('enterprises.list.legalForm')}>{t(legalFormKey(r.legalForm))}</td>
                  <td data-label={t('enterprises.list.ps')}>{t(psStatusKey(r.psStatus))}</td>
                  <td data-label={t('enterprises.list.check')}>
                    {r.lastCheckPassed === null
                      ? t('enterprises.check.notYet')
                      : r.lastCheckPassed
                        ? t('enterprises.check.passed')
                        : t('enterprises.check.failing')}
                  </td>
                  <td className="num" data-label={t('enterprises.list.jobsNow')}>
                    {r.jobsNow}
                  </td>
                  <td className="num" data-label={t('enterprises.list.atRisk')}>
                    {r.atRiskShare === null ? '—' : percent(r.atRiskShare)}
                  </td>
                  <td className="num" data-label={t('enterprises.list.ownShare3')}>
                    {r.ownShare3 === null ? '—' : percent(r.ownShare3)}
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
