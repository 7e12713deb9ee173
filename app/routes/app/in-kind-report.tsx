import { data, Form, Link } from 'react-router';
import { DateField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { CoverageBar } from '../../features/costs/components/coverage-bar.tsx';
import { AmountTable } from '../../features/costs/components/report-tables.tsx';
import { reportTables, sharePercent } from '../../features/costs/cost-report.document.ts';
import { costReport } from '../../features/costs/costs.queries.server.ts';
import { parsePeriod } from '../../features/costs/costs.rules.ts';
import { requireCostsReader } from '../../features/costs/costs-route.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/in-kind-report';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireCostsReader(args);
    const url = new URL(args.request.url);
    const raw = { from: url.searchParams.get('from'), to: url.searchParams.get('to') };
    const period = parsePeriod(raw, todayInWarsaw());
    const loc = { slug: locality.slug, name: locality.name };
    if (!period.ok)
      return data(
        {
          locality: loc,
          errors: period.errors as FieldErrors,
          values: { from: raw.from ?? '', to: raw.to ?? '' },
          report: null,
          tables: null,
          query: '',
        },
        { status: 400 },
      );
    const report = await costReport(services(args.context).db, {
      localityId: locality.localityId,
      from: period.from,
      to: period.to,
    });
    const i18n = i18nOf(args.context);
    const noErrors: FieldErrors = {};
    return {
      locality: loc,
      errors: noErrors,
      values: { from: dateInputValue(period.from), to: dateInputValue(period.to) },
      report,
      tables: reportTables(i18n, report),
      query: `?from=${period.from}&to=${period.to}`,
    };
  });
}

export default function CostReportPage({ loaderData }: Route.ComponentProps) {
  const i18n = useI18n();
  const { t, money, date } = i18n;
  const { locality, errors, values, report, tables, query } = loaderData;
  const base = `/app/${locality.slug}/in-kind`;
  return (
    <>
      <PageHeader
        title={t('costs.report.title')}
        lead={t('costs.report.lead')}
        hasError={Object.keys(errors).length > 0}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('partnerships.inKind.title') },
              { label: t('costs.report.title') },
            ]}
          />
        }
      />
      <Form method="get" className="stack cost-period" aria-labelledby="cost-period-title">
        <h2 id="cost-period-title">{t('costs.report.period.title')}</h2>
        <div className="cost-period__fields">
          <DateField
            name="from"
            label={t('costs.report.period.from')}
            defaultValue={values.from}
            error={errors.from}
          />
          <DateField
            name="to"
            label={t('costs.report.period.to')}
            defaultValue={values.to}
            error={errors.to}
          />
        </div>
        <div className="actions">
          <button type="submit" className="button button--secondary">
            {t('costs.report.period.submit')}
          </button>
        </div>
      </Form>
      {report && tables ? (
        <>
          <h2>{t('costs.report.summary', { from: date(report.from), to: date(report.to) })}</h2>
          <dl className="cost-summary">
            <div>
              <dt>{t('costs.report.spent')}</dt>
              <dd>{money(report.spent)}</dd>
            </div>
            <div>
              <dt>{t('costs.report.inKindTotal')}</dt>
              <dd>{money(report.inKindTotal)}</dd>
            </div>
            <div>
              <dt>{t('costs.report.fullCost')}</dt>
              <dd>
                <strong>{money(report.fullCost)}</strong>
              </dd>
            </div>
          </dl>
          {report.empty ? <p>{t('costs.report.empty')}</p> : <CoverageBar coverage={report.coverage} />}
          <div className="table-wrap">
            <table className="table">
              <caption>{t('costs.report.coverage.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('costs.report.coverage.who')}</th>
                  <th scope="col" className="num">
                    {t('costs.report.amount')}
                  </th>
                  <th scope="col" className="num">
                    {t('costs.report.share')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tables.coverage.map((c) => (
                  <tr key={c.label}>
                    <th scope="row">{c.label}</th>
                    <td className="num">{money(c.amount)}</td>
                    <td className="num">{sharePercent(i18n, c.share)}</td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row">{t('costs.report.fullCost')}</th>
                  <td className="num">
                    <strong>{money(report.fullCost)}</strong>
                  </td>
                  <td className="num">{sharePercent(i18n, report.fullCost > 0 ? 1 : 0)}</td>
                </tr>
              </tbody>
            </table>
          </div>
          <AmountTable
            caption={t('costs.report.byKind.title')}
            what={t('costs.report.byKind.what')}
            rows={tables.byKind}
          />
          <AmountTable
            caption={t('costs.report.bySource.title')}
            what={t('costs.report.bySource.what')}
            rows={tables.bySource}
          />
          <AmountTable
            caption={t('costs.report.byCategory.title')}
            what={t('costs.costs.category.label')}
            rows={tables.byCategory}
          />
          <div className="table-wrap">
            <table className="table">
              <caption>{t('costs.report.byMonth.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('costs.costs.month.label')}</th>
                  <th scope="col" className="num">
                    {t('costs.report.inKindTotal')}
                  </th>
                  <th scope="col" className="num">
                    {t('costs.report.spent')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {tables.byMonth.map((m) => (
                  <tr key={m.label}>
                    <th scope="row">{m.label}</th>
                    <td className="num">{money(m.inKind)}</td>
                    <td className="num">{money(m.spent)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">{t('costs.report.method')}</p>
          <h2>{t('costs.report.downloads')}</h2>
          <ul>
            <li>
              <a href={`${base}/report.pdf${query}`} download>
                {t('costs.report.pdf')}
              </a>
            </li>
            <li>
              <a href={`${base}/report.xlsx${query}`} download>
                {t('costs.report.xlsx')}
              </a>
            </li>
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`${base}/donations`}>{t('costs.donations.title')}</Link> ·{' '}
        <Link to={`${base}/costs`}>{t('costs.costs.title')}</Link>
      </p>
    </>
  );
}
