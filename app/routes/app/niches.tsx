import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { canManageFinancing } from '../../features/financing/financing.policy.ts';
import { requireNicheReader } from '../../features/financing/financing-route.server.ts';
import { labelledCriteria, listNiches, nicheFilter } from '../../features/niches/niches.queries.server.ts';
import { NICHE_STATUSES } from '../../features/niches/niches.rules.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { i18nOf, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/niches';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireNicheReader(args);
    const db = services(args.context).db;
    const filter = nicheFilter(new URL(args.request.url));
    const criteria = await labelledCriteria(db, locality.localityId, i18nOf(args.context).t);
    const r = await listNiches(db, {
      localityId: locality.localityId,
      filter,
      criteria: criteria.map((c) => ({ key: c.key, label: c.name, weight: c.weight })),
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      niches: r.niches,
      sectors: r.sectors,
      canManage: canManageFinancing(actor, locality),
    };
  });
}

export default function Niches({ loaderData }: Route.ComponentProps) {
  const { t, money, number } = useI18n();
  const { locality, filter, niches, sectors, canManage } = loaderData;
  const base = `/app/${locality.slug}/niches`;
  return (
    <>
      <PageHeader
        title={t('financing.niches.title')}
        lead={t('financing.niches.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('financing.niches.title') },
            ]}
          />
        }
        actions={
          <>
            <Link to={`${base}/criteria`} className="button button--secondary">
              {t('financing.criteria.title')}
            </Link>
            {canManage ? (
              <Link to={`${base}/new`} className="button button--primary">
                {t('financing.niches.add')}
              </Link>
            ) : null}
          </>
        }
      />
      <Form method="get" className="filter-bar" role="search">
        <div className="filter-bar__field">
          <label htmlFor="ni-status">{t('financing.niche.status.label')}</label>
          <select id="ni-status" name="status" defaultValue={filter.status} className="input input--short">
            <option value="">{t('financing.filter.any')}</option>
            {NICHE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`financing.niche.status.${s}` as MessageKey)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ni-sector">{t('financing.niche.sector.label')}</label>
          <select id="ni-sector" name="sector" defaultValue={filter.sector} className="input input--medium">
            <option value="">{t('financing.filter.any')}</option>
            {sectors.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('financing.filter.apply')}
        </button>
      </Form>
      {niches.length === 0 ? (
        <p>
          {filter.status || filter.sector ? t('financing.niches.noResults') : t('financing.niches.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('financing.niches.caption', { count: niches.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('financing.niche.name.label')}</th>
                <th scope="col">{t('financing.niche.sector.label')}</th>
                <th scope="col">{t('financing.niche.status.label')}</th>
                <th scope="col">{t('financing.niche.competition.label')}</th>
                <th scope="col" className="num">
                  {t('financing.niche.demand.short')}
                </th>
                <th scope="col" className="num">
                  {t('financing.niche.score.label')}
                </th>
              </tr>
            </thead>
            <tbody>
              {niches.map((n) => (
                <tr key={n.id}>
                  <th scope="row">
                    <Link to={`${base}/${n.id}`}>{n.name}</Link>
                  </th>
                  <td data-label={t('financing.niche.sector.label')}>{n.sector}</td>
                  <td data-label={t('financing.niche.status.label')}>
                    {t(`financing.niche.status.${n.status}` as MessageKey)}
                  </td>
                  <td data-label={t('financing.niche.competition.label')}>
                    {t(`financing.competition.${n.competition}` as MessageKey)}
                  </td>
                  <td className="num" data-label={t('financing.niche.demand.short')}>
                    {n.estimatedDemand === null ? '—' : money(n.estimatedDemand)}
                  </td>
                  <td className="num" data-label={t('financing.niche.score.label')}>
                    {n.score === null ? t('financing.niche.score.none') : number(n.score)}
                    {n.score !== null && n.scored < n.total ? (
                      <span className="hint">
                        {' '}
                        {t('financing.niche.score.partial', { scored: n.scored, total: n.total })}
                      </span>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
