import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { requireReader } from '../../features/participants/participant-route.server.ts';
import { caseloadFilter, listCaseload } from '../../features/plans/plans.queries.server.ts';
import { reviewTiming } from '../../features/plans/plans.rules.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/plans';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireReader(args, { auditRefusal: true });
    const url = new URL(args.request.url);
    const filter = caseloadFilter(url);
    const page = parsePage(url, 50);
    const today = todayInWarsaw();
    const { rows, total } = await listCaseload(services(args.context).db, {
      localityId: locality.localityId,
      userId: actor.userId,
      filter,
      today,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      rows,
      today,
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function Plans({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, filter, rows, today, page } = loaderData;
  const base = `/app/${locality.slug}/participants`;
  return (
    <>
      <PageHeader
        title={t('plans.caseload.title')}
        lead={t('plans.caseload.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('plans.caseload.title') },
            ]}
          />
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide">
        <div className="filter-bar__field">
          <label htmlFor="plans-mine">{t('plans.caseload.filter')}</label>
          <select
            id="plans-mine"
            name="mine"
            defaultValue={filter.mine ? '1' : ''}
            className="input input--medium"
          >
            <option value="">{t('plans.caseload.all')}</option>
            <option value="1">{t('plans.caseload.mine')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filter.mine ? t('plans.caseload.emptyMine') : t('plans.caseload.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('plans.caseload.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.caseload.col.person')}</th>
                <th scope="col">{t('plans.caseload.col.step')}</th>
                <th scope="col">{t('plans.caseload.col.responsible')}</th>
                <th scope="col">{t('plans.caseload.col.nextReview')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => {
                const timing = r.nextReviewOn
                  ? reviewTiming({ dueOn: r.nextReviewOn, heldOn: null }, today)
                  : null;
                return (
                  <tr key={r.id} className={timing?.kind === 'overdue' ? 'row--overdue' : undefined}>
                    <th scope="row">
                      <Link to={`${base}/${r.personId}/plans/${r.id}`}>
                        {r.familyName} {r.givenName}
                      </Link>
                    </th>
                    <td data-label={t('plans.caseload.col.step')}>{t(`plans.step.${r.step as 'draft'}`)}</td>
                    <td data-label={t('plans.caseload.col.responsible')}>{r.responsibleName ?? '—'}</td>
                    <td data-label={t('plans.caseload.col.nextReview')}>
                      {r.nextReviewOn ? (
                        <>
                          {date(r.nextReviewOn)}{' '}
                          {timing?.kind === 'overdue' ? (
                            <strong className="overdue-flag">
                              {t('plans.reviews.overdue', { count: timing.days })}
                            </strong>
                          ) : timing?.kind === 'today' ? (
                            <strong>{t('plans.reviews.today')}</strong>
                          ) : timing?.kind === 'upcoming' ? (
                            <span className="muted">
                              {t('plans.reviews.upcoming', { count: timing.days })}
                            </span>
                          ) : null}
                        </>
                      ) : (
                        t('plans.caseload.noReview')
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
    </>
  );
}
