import { data, Form, Link } from 'react-router';
import { TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { reportYear } from '../../features/enterprises/reports/annual-report.rules.ts';
import {
  annualReportSections,
  missingLines,
} from '../../features/enterprises/reports/annual-report.sections.ts';
import { annualReportDraft } from '../../features/enterprises/reports/annual-report.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { i18nOf, requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-annual-report';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const raw = new URL(args.request.url).searchParams.get('year');
    const today = todayInWarsaw();
    const year = reportYear(raw, today);
    const loc = { slug: locality.slug, name: locality.name };
    const db = services(args.context).db;
    // Visibility first (404 for anyone who may not see it), whatever the year says.
    const draft = await annualReportDraft(db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      year: year ?? Number(today.slice(0, 4)) - 1,
    });
    const i18n = i18nOf(args.context);
    const base = {
      locality: loc,
      enterpriseId: draft.enterpriseId,
      name: draft.organisation.name,
      yearValue: raw ?? String(draft.year),
    };
    if (year === null)
      return data(
        { ...base, yearError: true, draft: null, sections: [], missing: [], dueOn: '' },
        { status: 400 },
      );
    return {
      ...base,
      yearError: false,
      draft: { year: draft.year },
      sections: annualReportSections(i18n, draft),
      missing: missingLines(i18n, draft),
      dueOn: draft.dueOn,
    };
  });
}

export default function AnnualReport({ loaderData }: Route.ComponentProps) {
  const { t, dateLong } = useI18n();
  const { locality, enterpriseId, name, draft, sections, missing, yearError, yearValue, dueOn } = loaderData;
  const here = `/app/${locality.slug}/enterprises/${enterpriseId}/annual-report`;
  return (
    <>
      <PageHeader
        title={t('costs.annual.title', { year: String(draft?.year ?? yearValue) })}
        lead={name}
        hasError={yearError}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/enterprises/${enterpriseId}`, label: name },
              { label: t('costs.annual.breadcrumb') },
            ]}
          />
        }
      />
      <Form method="get" className="search-form">
        <TextField
          name="year"
          label={t('costs.annual.year.label')}
          width="short"
          inputMode="numeric"
          defaultValue={yearValue}
          error={yearError ? 'costs.annual.year.invalid' : undefined}
        />
        <button type="submit" className="button button--secondary">
          {t('costs.annual.year.submit')}
        </button>
      </Form>
      {draft ? (
        <>
          <p>{t('costs.annual.lead', { year: String(draft.year), dueOn: dateLong(dueOn) })}</p>
          {missing.length > 0 ? (
            <div className="warning-box annual-report__missing" role="note">
              <h2>{t('costs.annual.missing.title')}</h2>
              <ul>
                {missing.map((m) => (
                  <li key={m}>{m}</li>
                ))}
              </ul>
            </div>
          ) : (
            <p>{t('costs.annual.missing.none')}</p>
          )}
          <ul className="cost-links__list">
            <li>
              <a href={`${here}.pdf?year=${draft.year}`} download>
                {t('costs.annual.pdf')}
              </a>
            </li>
            <li>
              <a href={`${here}.docx?year=${draft.year}`} download>
                {t('costs.annual.docx')}
              </a>
            </li>
          </ul>
          {sections.map((s) => (
            <section key={s.id} aria-labelledby={`ar-${s.id}`}>
              <h2 id={`ar-${s.id}`}>{s.title}</h2>
              {s.rows.length === 0 ? (
                <p>{t('costs.annual.none')}</p>
              ) : (
                <dl className="summary-list">
                  {s.rows.map((r) => (
                    <div key={r.label} className="summary-list__row">
                      <dt>{r.label}</dt>
                      <dd>{r.value}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
          ))}
        </>
      ) : null}
      <p>
        <Link to={`/app/${locality.slug}/enterprises/${enterpriseId}`}>{t('costs.annual.back')}</Link>
      </p>
    </>
  );
}
