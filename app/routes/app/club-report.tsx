import { Form } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { annualReport } from '../../features/club/annual-report.server.ts';
import { fteText, groupLabel } from '../../features/club/club.labels.ts';
import type { ActivityKind, Outcome, StaffBasis } from '../../features/club/club.rules.ts';
import { loadClub } from '../../features/club/club-route.server.ts';
import { UnverifiedNote } from '../../features/club/components/club-bits.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { reportYear } from '../../features/club/report-year.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-report';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args);
    const today = todayInWarsaw();
    const { year, years } = reportYear(new URL(args.request.url), today);
    const report = await annualReport(db, { localityId: locality.localityId, clubId: club.id, year });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      year,
      years,
      report,
      overdue: report.due !== null && report.due < today,
    };
  });
}

export default function ClubReport({ loaderData }: Route.ComponentProps) {
  const { t, dateLong, number, money } = useI18n();
  const { locality, club, abilities, year, years, report: r, overdue } = loaderData;
  const base = `/app/${locality.slug}/club/${club.id}/report`;
  return (
    <>
      <PageHeader
        title={t('club.report.title', { year: String(year) })}
        lead={
          r.due
            ? t(overdue ? 'club.report.dueWas' : 'club.report.dueOn', { date: dateLong(r.due) })
            : undefined
        }
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="report" />}
        actions={
          <>
            <a href={`${base}/pdf?year=${year}`} className="button button--secondary" download>
              {t('club.report.downloadPdf')}
            </a>
            <a href={`${base}/xlsx?year=${year}`} className="button button--secondary" download>
              {t('club.report.downloadXlsx')}
            </a>
          </>
        }
      />
      <Form method="get" className="filter-bar">
        <label htmlFor="year">{t('club.report.year')}</label>
        <select id="year" name="year" defaultValue={String(year)} className="input input--short">
          {years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <button type="submit" className="button button--secondary">
          {t('common.filter')}
        </button>
      </Form>
      <UnverifiedNote parameter={r.parameter} />
      <p>{t('club.report.lead')}</p>

      <section aria-labelledby="s1" className="section">
        <h2 id="s1">{t('club.report.staff.title')}</h2>
        {r.staff.people.length === 0 ? (
          <p>{t('club.report.staff.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('club.report.staff.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('club.report.staff.basis')}</th>
                  <th scope="col" className="num">
                    {t('club.report.staff.count')}
                  </th>
                  <th scope="col" className="num">
                    {t('club.report.staff.fte')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.staff.byBasis.map((b) => (
                  <tr key={b.basis}>
                    <th scope="row">{t(`club.staff.basis.${b.basis as StaffBasis}`)}</th>
                    <td className="num" data-label={t('club.report.staff.count')}>
                      {number(b.count)}
                    </td>
                    <td className="num" data-label={t('club.report.staff.fte')}>
                      {fteText(t, b.fte)}
                    </td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row">{t('club.report.total')}</th>
                  <td className="num" data-label={t('club.report.staff.count')}>
                    {number(r.staff.total.count)}
                  </td>
                  <td className="num" data-label={t('club.report.staff.fte')}>
                    {fteText(t, r.staff.total.fte)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="s2" className="section">
        <h2 id="s2">{t('club.report.groups.title')}</h2>
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption className="visually-hidden">{t('club.report.groups.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.report.groups.group')}</th>
                <th scope="col" className="num">
                  {t('club.report.groups.members')}
                </th>
                <th scope="col" className="num">
                  {t('club.report.groups.withEffect')}
                </th>
                <th scope="col" className="num">
                  {t('club.report.groups.foundJob')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.groups.map((g) => (
                <tr key={g.group || 'none'}>
                  <th scope="row">{groupLabel(t, g.group)}</th>
                  <td className="num" data-label={t('club.report.groups.members')}>
                    {number(g.members)}
                  </td>
                  <td className="num" data-label={t('club.report.groups.withEffect')}>
                    {number(g.withEffect)}
                  </td>
                  <td className="num" data-label={t('club.report.groups.foundJob')}>
                    {number(g.foundJob)}
                  </td>
                </tr>
              ))}
              <tr className="row--total">
                <th scope="row">{t('club.report.total')}</th>
                <td className="num" data-label={t('club.report.groups.members')}>
                  {number(r.membersTotal.members)}
                </td>
                <td className="num" data-label={t('club.report.groups.withEffect')}>
                  {number(r.membersTotal.withEffect)}
                </td>
                <td className="num" data-label={t('club.report.groups.foundJob')}>
                  {number(r.membersTotal.foundJob)}
                </td>
              </tr>
            </tbody>
          </table>
        </div>
        <p className="hint">{t('club.report.groups.note')}</p>
        <UnverifiedNote parameter={r.groupsParameter} />
      </section>

      <section aria-labelledby="s3" className="section">
        <h2 id="s3">{t('club.report.activities.title')}</h2>
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption className="visually-hidden">{t('club.report.activities.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.report.activities.kind')}</th>
                <th scope="col" className="num">
                  {t('club.report.activities.count')}
                </th>
                <th scope="col" className="num">
                  {t('club.report.activities.present')}
                </th>
                <th scope="col" className="num">
                  {t('club.report.activities.participants')}
                </th>
              </tr>
            </thead>
            <tbody>
              {r.activities.map((a) => (
                <tr key={a.kind}>
                  <th scope="row">{t(`club.activity.kind.${a.kind as ActivityKind}`)}</th>
                  <td className="num" data-label={t('club.report.activities.count')}>
                    {number(a.count)}
                  </td>
                  <td className="num" data-label={t('club.report.activities.present')}>
                    {number(a.present)}
                  </td>
                  <td className="num" data-label={t('club.report.activities.participants')}>
                    {number(a.participants)}
                  </td>
                </tr>
              ))}
              <tr className="row--total">
                <th scope="row">{t('club.report.total')}</th>
                <td className="num" data-label={t('club.report.activities.count')}>
                  {number(r.activitiesTotal.count)}
                </td>
                <td className="num" data-label={t('club.report.activities.present')}>
                  {number(r.activitiesTotal.present)}
                </td>
                <td />
              </tr>
            </tbody>
          </table>
        </div>
        <h3>{t('club.report.effects.title')}</h3>
        <ul>
          {r.outcomes.map((o) => (
            <li key={o.outcome}>
              {t(`club.outcome.${o.outcome as Outcome}`)}: {number(o.count)}
            </li>
          ))}
        </ul>
        <p>
          {t('club.report.visits', {
            memberVisits: r.visits.memberVisits,
            otherVisitors: r.visits.otherVisitors,
          })}
        </p>
      </section>

      <section aria-labelledby="s4" className="section">
        <h2 id="s4">{t('club.report.grants.title')}</h2>
        {r.grants.length === 0 ? (
          <p>{t('club.report.grants.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption className="visually-hidden">{t('club.report.grants.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('club.grants.source.label')}</th>
                  <th scope="col" className="num">
                    {t('club.grants.granted.label')}
                  </th>
                  <th scope="col" className="num">
                    {t('club.grants.spent.label')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {r.grants.map((g) => (
                  <tr key={g.id}>
                    <th scope="row">{g.source}</th>
                    <td className="num" data-label={t('club.grants.granted.label')}>
                      {money(g.granted)}
                    </td>
                    <td className="num" data-label={t('club.grants.spent.label')}>
                      {g.spent === null ? '—' : money(g.spent)}
                    </td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row">{t('club.report.total')}</th>
                  <td className="num" data-label={t('club.grants.granted.label')}>
                    {money(r.grantsTotal.granted)}
                  </td>
                  <td className="num" data-label={t('club.grants.spent.label')}>
                    {money(r.grantsTotal.spent)}
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
