import { Form } from 'react-router';
import { DateField, ErrorSummary, SelectField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { contractKey } from '../../features/enterprises/enterprise.labels.ts';
import { requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { jobGrantOptions } from '../../features/enterprises/enterprises.queries.server.ts';
import { HORIZONS } from '../../features/enterprises/enterprises.rules.ts';
import { jobsReport, reportQuery } from '../../features/enterprises/jobs-report.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/jobs-report';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, organisations } = await requireEnterpriseReader(args);
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const url = new URL(args.request.url);
    const q = reportQuery(url, today);
    const [grants, report] = await Promise.all([
      jobGrantOptions(db, locality.localityId),
      q.ok
        ? jobsReport(db, { localityId: locality.localityId, organisationIds: organisations, ...q, today })
        : null,
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      query: q.ok
        ? { from: dateInputValue(q.from), to: dateInputValue(q.to), grant: q.grantId ?? '' }
        : { from: q.from, to: q.to, grant: q.grantId ?? '' },
      errors: q.ok ? {} : q.errors,
      search: url.search,
      grants: organisations ? [] : grants,
      report,
    };
  });
}

export default function JobsReportPage({ loaderData }: Route.ComponentProps) {
  const { t, date, number } = useI18n();
  const { locality, query, errors, grants, report, search } = loaderData;
  const yn = (b: boolean | null) => (b === null ? '—' : b ? t('enterprises.yes') : t('enterprises.no'));
  const file = (f: string) => `/app/${locality.slug}/jobs/report/${f}${search}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.report.title')}
        lead={t('enterprises.report.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/jobs`, label: t('enterprises.jobs.localityTitle') },
              { label: t('enterprises.report.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={errors} />
      <Form method="get" className="filter-bar filter-bar--wide" aria-label={t('enterprises.report.filter')}>
        <DateField
          name="from"
          label={t('enterprises.report.from.label')}
          defaultValue={query.from}
          error={errors.from}
        />
        <DateField
          name="to"
          label={t('enterprises.report.to.label')}
          defaultValue={query.to}
          error={errors.to}
        />
        {grants.length ? (
          <SelectField
            name="grant"
            label={t('enterprises.report.grant')}
            emptyLabel={t('enterprises.report.anyGrant')}
            options={grants.map((g) => ({ value: g.id, label: g.title }))}
            defaultValue={query.grant}
          />
        ) : null}
        <button type="submit" className="button button--secondary">
          {t('enterprises.report.show')}
        </button>
      </Form>
      {report ? (
        <>
          <p className="actions">
            <a href={file('xlsx')} className="button button--secondary" download>
              {t('enterprises.report.xlsx')}
            </a>
            <a href={file('pdf')} className="button button--secondary" download>
              {t('enterprises.report.pdf')}
            </a>
          </p>
          {report.enterprises.length === 0 ? <p>{t('enterprises.report.empty')}</p> : null}
          {report.enterprises.map((e) => (
            <section key={e.name} aria-label={e.name}>
              <h2>{e.name}</h2>
              {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the wide table scrolls sideways; its box takes the focus so a keyboard can scroll it (WCAG 2.1.1) */}
              <section className="table-wrap" tabIndex={0} aria-label={e.name}>
                <table className="table table--stack">
                  <caption>{t('enterprises.report.caption', { name: e.name, count: e.jobs.length })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('enterprises.job.position.label')}</th>
                      <th scope="col">{t('enterprises.report.initials')}</th>
                      <th scope="col">{t('enterprises.job.contractType.label')}</th>
                      <th scope="col" className="num">
                        {t('enterprises.job.fte.short')}
                      </th>
                      <th scope="col">{t('enterprises.jobs.period')}</th>
                      <th scope="col">{t('enterprises.report.atRisk')}</th>
                      <th scope="col">{t('enterprises.job.funding')}</th>
                      <th scope="col">{t('enterprises.job.keepUntil.label')}</th>
                      {HORIZONS.map((h) => (
                        <th scope="col" key={h}>
                          {t('enterprises.report.keptAt', { months: h })}
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {e.jobs.map((j) => (
                      <tr key={j.id}>
                        <th scope="row">{j.position}</th>
                        <td data-label={t('enterprises.report.initials')}>{j.initials || '—'}</td>
                        <td data-label={t('enterprises.job.contractType.label')}>
                          {t(contractKey(j.contractType))}
                        </td>
                        <td className="num" data-label={t('enterprises.job.fte.short')}>
                          {number(j.fte)}
                        </td>
                        <td data-label={t('enterprises.jobs.period')}>
                          {j.endOn
                            ? t('enterprises.jobs.fromTo', { from: date(j.startOn), to: date(j.endOn) })
                            : t('enterprises.jobs.fromOpen', { from: date(j.startOn) })}
                        </td>
                        <td data-label={t('enterprises.report.atRisk')}>{yn(j.atRisk)}</td>
                        <td data-label={t('enterprises.job.funding')}>{j.funding || '—'}</td>
                        <td data-label={t('enterprises.job.keepUntil.label')}>
                          {j.keepUntil ? date(j.keepUntil) : '—'}
                        </td>
                        {j.kept.map((k, x) => (
                          <td
                            key={HORIZONS[x]}
                            data-label={t('enterprises.report.keptAt', { months: HORIZONS[x]! })}
                          >
                            {yn(k)}
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </section>
            </section>
          ))}
          <h2>{t('enterprises.report.total')}</h2>
          <dl className="summary-list">
            <div>
              <dt>{t('enterprises.report.jobs')}</dt>
              <dd>{report.totals.jobs}</dd>
            </div>
            <div>
              <dt>{t('enterprises.job.fte.short')}</dt>
              <dd>{number(report.totals.fte)}</dd>
            </div>
            <div>
              <dt>{t('enterprises.report.atRisk')}</dt>
              <dd>{report.totals.atRisk}</dd>
            </div>
            {report.totals.kept.map((k, i) => (
              <div key={HORIZONS[i]}>
                <dt>{t('enterprises.report.keptAt', { months: HORIZONS[i]! })}</dt>
                <dd>{`${k.kept}/${k.eligible}`}</dd>
              </div>
            ))}
          </dl>
        </>
      ) : null}
    </>
  );
}
