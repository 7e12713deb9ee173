import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { MAX_PEOPLE_IN_PICTURE } from '../../features/education/cascade/cascade.layout.ts';
import { cascadeOf } from '../../features/education/cascade/cascade.server.ts';
import { CascadePicture } from '../../features/education/cascade/components/cascade-picture.tsx';
import { requireCascadeReader } from '../../features/education/leaders/leaders-route.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-cascade';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireCascadeReader(args);
    const db = services(args.context).db;
    const page = parsePage(new URL(args.request.url), 25);
    const { leaders, ...summary } = await cascadeOf(db, { localityId: locality.localityId });
    const aggregated = leaders.length > MAX_PEOPLE_IN_PICTURE;
    return {
      locality: { slug: locality.slug, name: locality.name },
      summary,
      aggregated,
      picture: aggregated
        ? []
        : leaders.map((l) => ({
            id: l.id,
            name: l.name,
            generation: l.generation,
            parentId: l.parentId,
            reachedTotal: l.reachedTotal,
          })),
      leaders: leaders.slice(page.offset, page.offset + page.pageSize),
      page: { page: page.page, pageSize: page.pageSize, total: leaders.length },
    };
  });
}

export default function EducationCascade({ loaderData }: Route.ComponentProps) {
  const { t, number, percent } = useI18n();
  const { locality, summary, aggregated, picture, leaders, page } = loaderData;
  const g = summary.generations;
  return (
    <>
      <PageHeader
        title={t('education.cascade.title')}
        lead={t('education.cascade.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('education.cascade.title') },
            ]}
          />
        }
        actions={
          <a href={`/app/${locality.slug}/education/leaders`} className="button button--secondary">
            {t('education.leaders.title')}
          </a>
        }
      />
      {g.length === 0 ? (
        <p>{t('education.cascade.empty')}</p>
      ) : (
        <>
          <CascadePicture leaders={picture} generations={g} aggregated={aggregated} />
          <section aria-labelledby="cascade-generations">
            <h2 id="cascade-generations">{t('education.cascade.generations.title')}</h2>
            <div className="table-wrap">
              <table className="table">
                <caption>{t('education.cascade.generations.caption', { count: g.length })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('education.cascade.col.generation')}</th>
                    <th scope="col" className="num">
                      {t('education.cascade.col.leaders')}
                    </th>
                    <th scope="col" className="num">
                      {t('education.cascade.col.groups')}
                    </th>
                    <th scope="col" className="num">
                      {t('education.cascade.col.reached')}
                    </th>
                    <th scope="col" className="num">
                      {t('education.cascade.col.fidelity')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {g.map((r) => (
                    <tr key={r.generation}>
                      <th scope="row">{t('education.cascade.generation', { generation: r.generation })}</th>
                      <td className="num">{number(r.leaders)}</td>
                      <td className="num">{number(r.groups)}</td>
                      <td className="num">{number(r.reached)}</td>
                      <td className="num">{percent(r.fidelity)}</td>
                    </tr>
                  ))}
                  <tr className="row--total">
                    <th scope="row">{t('education.cascade.total')}</th>
                    <td className="num">
                      <strong>{number(summary.leadersTotal)}</strong>
                    </td>
                    <td className="num">
                      <strong>{number(g.reduce((s, r) => s + r.groups, 0))}</strong>
                    </td>
                    <td className="num">
                      <strong>{number(summary.reachedTotal)}</strong>
                    </td>
                    <td className="num">—</td>
                  </tr>
                </tbody>
              </table>
            </div>
            <p className="hint">{t('education.cascade.generations.note')}</p>
          </section>
          <section aria-labelledby="cascade-leaders">
            <h2 id="cascade-leaders">{t('education.cascade.leaders.title')}</h2>
            {leaders.length === 0 ? (
              <p>{t('education.cascade.leaders.empty')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table table--stack">
                  <caption>{t('education.cascade.leaders.caption', { count: page.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('education.cascade.col.leader')}</th>
                      <th scope="col">{t('education.cascade.col.generation')}</th>
                      <th scope="col" className="num">
                        {t('education.cascade.col.groups')}
                      </th>
                      <th scope="col" className="num">
                        {t('education.cascade.col.reachedDirectly')}
                      </th>
                      <th scope="col" className="num">
                        {t('education.cascade.col.reachedTotal')}
                      </th>
                      <th scope="col" className="num">
                        {t('education.cascade.col.trained')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {leaders.map((l) => (
                      <tr key={l.id}>
                        <th scope="row">{l.name}</th>
                        <td data-label={t('education.cascade.col.generation')}>
                          {t('education.cascade.generation', { generation: l.generation })}
                        </td>
                        <td className="num" data-label={t('education.cascade.col.groups')}>
                          {number(l.groups)}
                        </td>
                        <td className="num" data-label={t('education.cascade.col.reachedDirectly')}>
                          {number(l.reachedDirectly)}
                        </td>
                        <td className="num" data-label={t('education.cascade.col.reachedTotal')}>
                          {number(l.reachedTotal)}
                        </td>
                        <td className="num" data-label={t('education.cascade.col.trained')}>
                          {t('education.cascade.trainedFigure', {
                            direct: l.trainedDirectly,
                            total: l.trainedTotal,
                          })}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <Pagination info={page} />
          </section>
        </>
      )}
    </>
  );
}
