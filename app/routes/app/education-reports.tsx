import { Form, Link } from 'react-router';
import { DateField, ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { CountBar } from '../../features/education/reports/components/bars.tsx';
import {
  canReadEducationReports,
  educationReport,
  reportPeriod,
} from '../../features/education/reports/report.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import type { FieldErrors } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-reports';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canReadEducationReports(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const period = reportPeriod(new URL(args.request.url), todayInWarsaw());
    const base = { locality: { slug: locality.slug, name: locality.name } };
    if (!period.ok) return { ...base, errors: period.errors, values: period.values, report: null };
    const report = await educationReport(services(args.context).db, {
      localityId: locality.localityId,
      from: period.from,
      to: period.to,
    });
    return {
      ...base,
      errors: {} as FieldErrors,
      values: { from: dateInputValue(period.from), to: dateInputValue(period.to) },
      report,
    };
  });
}

export default function EducationReportPage({ loaderData }: Route.ComponentProps) {
  const { t, number, dateLong } = useI18n();
  const { locality, errors, values, report: r } = loaderData;
  const title = t('education.reports.title');
  const hasErrors = Object.keys(errors).length > 0;
  const query = r ? `?from=${r.from}&to=${r.to}` : '';
  const fileBase = `/app/${locality.slug}/education/reports`;
  const hours = (h: number) => number(Math.round(h * 10) / 10);
  const generationLabel = (g: number | null) =>
    g === null ? t('education.reports.generation.none') : t('education.reports.generation.n', { n: g });
  const kindLabel = (k: string) =>
    ['leaders_course', 'self_education', 'club_activity'].includes(k)
      ? t(`education.reports.kind.${k}` as MessageKey)
      : k;
  const maxHours = (rows: { personHours: number }[]) => Math.max(0, ...rows.map((x) => x.personHours));
  const figureHeads = (
    <>
      <th scope="col" className="num">
        {t('education.reports.col.sessions')}
      </th>
      <th scope="col" className="num">
        {t('education.reports.col.people')}
      </th>
      <th scope="col">{t('education.reports.col.hours')}</th>
    </>
  );
  const figureCells = (x: { sessions: number; people: number; personHours: number }, max: number) => (
    <>
      <td className="num" data-label={t('education.reports.col.sessions')}>
        {number(x.sessions)}
      </td>
      <td className="num" data-label={t('education.reports.col.people')}>
        {number(x.people)}
      </td>
      <td data-label={t('education.reports.col.hours')}>
        <CountBar value={x.personHours} max={max} text={hours(x.personHours)} />
      </td>
    </>
  );
  return (
    <>
      <PageHeader
        title={title}
        hasError={hasErrors}
        lead={t('education.reports.lead')}
        breadcrumbs={
          <Breadcrumbs items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: title }]} />
        }
        actions={
          r ? (
            <>
              <a href={`${fileBase}/xlsx${query}`} className="button button--secondary" download>
                {t('education.reports.download.xlsx')}
              </a>
              <a href={`${fileBase}/csv${query}`} className="button button--secondary" download>
                {t('education.reports.download.csv')}
              </a>
            </>
          ) : null
        }
      />
      <ErrorSummary errors={errors} />
      <Form method="get" className="stack edu-period" noValidate>
        <fieldset>
          <legend>{t('education.reports.period.legend')}</legend>
          <div className="edu-period__fields">
            <DateField
              name="from"
              label={t('education.reports.period.from')}
              defaultValue={values.from}
              error={errors.from}
            />
            <DateField
              name="to"
              label={t('education.reports.period.to')}
              defaultValue={values.to}
              error={errors.to}
            />
          </div>
        </fieldset>
        <button type="submit" className="button">
          {t('education.reports.period.submit')}
        </button>
      </Form>
      <p>
        <Link to={`/app/${locality.slug}/education/feedback`}>{t('education.reports.feedbackLink')}</Link>
      </p>
      {r ? (
        <>
          <p>
            <strong>
              {t('education.reports.period.shown', { from: dateLong(r.from), to: dateLong(r.to) })}
            </strong>
          </p>
          <section aria-labelledby="rep-totals" className="section">
            <h2 id="rep-totals">{t('education.reports.totals.title')}</h2>
            <dl className="edu-figures">
              <div>
                <dt>{t('education.reports.totals.people')}</dt>
                <dd>{number(r.totals.people)}</dd>
              </div>
              <div>
                <dt>{t('education.reports.totals.hours')}</dt>
                <dd>{hours(r.totals.personHours)}</dd>
              </div>
              <div>
                <dt>{t('education.reports.totals.sessions')}</dt>
                <dd>{number(r.totals.sessions)}</dd>
              </div>
              <div>
                <dt>{t('education.reports.totals.groups')}</dt>
                <dd>{number(r.totals.groups)}</dd>
              </div>
            </dl>
            <p className="hint">{t('education.reports.note.unique')}</p>
            <p className="hint">{t('education.reports.note.hours')}</p>
          </section>
          {r.totals.sessions === 0 ? (
            <p>{t('education.reports.empty')}</p>
          ) : (
            <>
              <section aria-labelledby="rep-groups" className="section">
                <h2 id="rep-groups">{t('education.reports.groups.title')}</h2>
                <div className="table-wrap">
                  <table className="table table--stack table--stack-plain">
                    <caption className="visually-hidden">{t('education.reports.groups.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('education.reports.col.group')}</th>
                        <th scope="col">{t('education.reports.col.kind')}</th>
                        <th scope="col">{t('education.reports.col.generation')}</th>
                        {figureHeads}
                      </tr>
                    </thead>
                    <tbody>
                      {r.byGroup.map((g) => (
                        <tr key={g.groupId}>
                          <th scope="row">{g.name}</th>
                          <td data-label={t('education.reports.col.kind')}>{kindLabel(g.kind)}</td>
                          <td data-label={t('education.reports.col.generation')}>
                            {generationLabel(g.generation)}
                          </td>
                          {figureCells(g, maxHours(r.byGroup))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="rep-modules" className="section">
                <h2 id="rep-modules">{t('education.reports.modules.title')}</h2>
                <p className="hint">{t('education.reports.note.modules')}</p>
                <div className="table-wrap">
                  <table className="table table--stack table--stack-plain">
                    <caption className="visually-hidden">{t('education.reports.modules.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('education.reports.col.module')}</th>
                        {figureHeads}
                      </tr>
                    </thead>
                    <tbody>
                      {r.byModule.map((m) => (
                        <tr key={m.moduleId ?? 'none'}>
                          <th scope="row">
                            {m.title === null ? t('education.reports.module.none') : m.title}
                            {m.programme ? <span className="hint"> ({m.programme})</span> : null}
                          </th>
                          {figureCells(m, maxHours(r.byModule))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="rep-gen" className="section">
                <h2 id="rep-gen">{t('education.reports.generations.title')}</h2>
                <p className="hint">{t('education.reports.generations.note')}</p>
                <div className="table-wrap">
                  <table className="table table--stack table--stack-plain">
                    <caption className="visually-hidden">{t('education.reports.generations.title')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('education.reports.col.generation')}</th>
                        <th scope="col" className="num">
                          {t('education.reports.col.groups')}
                        </th>
                        {figureHeads}
                      </tr>
                    </thead>
                    <tbody>
                      {r.byGeneration.map((g) => (
                        <tr key={g.generation ?? 'none'}>
                          <th scope="row">{generationLabel(g.generation)}</th>
                          <td className="num" data-label={t('education.reports.col.groups')}>
                            {number(g.groups)}
                          </td>
                          {figureCells(g, maxHours(r.byGeneration))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
            </>
          )}
        </>
      ) : null}
    </>
  );
}
