import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ADVICE_KINDS, canRecordAdvice } from '../../features/advice/advice.policy.ts';
import { requireAdviceReader } from '../../features/advice/advice-route.server.ts';
import {
  listAdvisors,
  listSessions,
  sessionFilter,
  sessionTotals,
} from '../../features/advice/sessions.queries.server.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/advice';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireAdviceReader(args);
    const db = services(args.context).db;
    const url = new URL(args.request.url);
    const filter = sessionFilter(url);
    const page = parsePage(url, 25);
    const opts = { localityId: locality.localityId, filter };
    const [rows, totals, advisors] = await Promise.all([
      listSessions(db, { ...opts, offset: page.offset, limit: page.pageSize }),
      sessionTotals(db, opts),
      listAdvisors(db, { localityId: locality.localityId }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter,
      rows,
      totals,
      advisors,
      canRecord: canRecordAdvice(actor, locality),
      page: { page: page.page, pageSize: page.pageSize, total: totals.reduce((s, x) => s + x.sessions, 0) },
    };
  });
}

export default function Advice({ loaderData }: Route.ComponentProps) {
  const { t, date, number } = useI18n();
  const { locality, filter, rows, totals, advisors, canRecord, page } = loaderData;
  const base = `/app/${locality.slug}/advice`;
  const hours = (minutes: number) => number(Math.round((minutes / 60) * 10) / 10);
  const allMinutes = totals.reduce((s, x) => s + x.minutes, 0);
  return (
    <>
      <PageHeader
        title={t('advice.list.title')}
        lead={t('advice.list.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: t('advice.list.title') }]}
          />
        }
        actions={
          <>
            {canRecord ? (
              <Link to={`${base}/new`} className="button button--primary">
                {t('advice.list.add')}
              </Link>
            ) : null}
            <Link to={`${base}/calendar`} className="button button--secondary">
              {t('advice.calendar.title')}
            </Link>
          </>
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" aria-label={t('advice.list.filters')}>
        <div className="filter-bar__field">
          <label htmlFor="ad-kind">{t('advice.session.kind.label')}</label>
          <select id="ad-kind" name="kind" defaultValue={filter.kind} className="input input--short">
            <option value="">{t('advice.list.any')}</option>
            {ADVICE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`advice.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ad-advisor">{t('advice.list.advisor')}</label>
          <select
            id="ad-advisor"
            name="advisor"
            defaultValue={filter.advisor}
            className="input input--medium"
          >
            <option value="">{t('advice.list.any')}</option>
            {advisors.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ad-month">{t('advice.list.month')}</label>
          <input
            id="ad-month"
            name="month"
            type="month"
            placeholder="2026-11"
            defaultValue={filter.month}
            className="input input--short"
          />
        </div>
        <button type="submit" className="button button--secondary">
          {t('advice.list.filter')}
        </button>
      </Form>
      <section aria-labelledby="ad-totals" className="section">
        <h2 id="ad-totals">{t('advice.list.totals')}</h2>
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('advice.list.totals')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('advice.session.kind.label')}</th>
                <th scope="col" className="num">
                  {t('advice.list.sessions')}
                </th>
                <th scope="col" className="num">
                  {t('advice.list.hours')}
                </th>
              </tr>
            </thead>
            <tbody>
              {totals.map((x) => (
                <tr key={x.kind}>
                  <th scope="row">{t(`advice.kind.${x.kind}` as 'advice.kind.legal')}</th>
                  <td className="num">{number(x.sessions)}</td>
                  <td className="num">{hours(x.minutes)}</td>
                </tr>
              ))}
              <tr className="row--total">
                <th scope="row">{t('advice.list.total')}</th>
                <td className="num">{number(page.total)}</td>
                <td className="num">{hours(allMinutes)}</td>
              </tr>
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="ad-list" className="section">
        <h2 id="ad-list">{t('advice.list.sessionsTitle')}</h2>
        {rows.length === 0 ? (
          <p>{t('advice.list.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('advice.list.caption', { count: page.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('advice.session.givenOn.label')}</th>
                  <th scope="col">{t('advice.session.for')}</th>
                  <th scope="col">{t('advice.session.kind.label')}</th>
                  <th scope="col">{t('advice.session.topic.label')}</th>
                  <th scope="col">{t('advice.list.advisor')}</th>
                  <th scope="col" className="num">
                    {t('advice.list.minutes')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <th scope="row">
                      <Link to={`${base}/${r.id}`}>{date(r.givenOn)}</Link>
                    </th>
                    <td data-label={t('advice.session.for')}>
                      {r.targetName}
                      {r.targetType === 'initiative' ? ` (${t('advice.list.initiative')})` : ''}
                    </td>
                    <td data-label={t('advice.session.kind.label')}>
                      {t(`advice.kind.${r.kind}` as 'advice.kind.legal')}
                    </td>
                    <td data-label={t('advice.session.topic.label')}>
                      {r.topic}
                      {r.confidential ? (
                        <>
                          {' '}
                          <span className="tag">{t('advice.session.confidentialTag')}</span>
                        </>
                      ) : null}
                    </td>
                    <td data-label={t('advice.list.advisor')}>{r.advisorName ?? '—'}</td>
                    <td data-label={t('advice.list.minutes')} className="num">
                      {number(r.minutes)}
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
  );
}
