import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { JobFigures } from '../../features/enterprises/components/job-figures.tsx';
import { JobsTable } from '../../features/enterprises/components/jobs-table.tsx';
import { yearPeriod } from '../../features/enterprises/enterprise-page.server.ts';
import { requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { listJobs } from '../../features/enterprises/enterprises.queries.server.ts';
import {
  jobFigures,
  KEEP_REMINDER_PARAMETER,
  type KeepReminderParameter,
} from '../../features/enterprises/enterprises.rules.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/jobs';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, organisations } = await requireEnterpriseReader(args);
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const [jobs, param] = await Promise.all([
      listJobs(db, { localityId: locality.localityId, organisationIds: organisations }),
      legalParameter<KeepReminderParameter>(db, KEEP_REMINDER_PARAMETER, today),
    ]);
    await writeAudit(db, {
      actorUserId: actor.userId,
      localityId: locality.localityId,
      requestId: actor.requestId,
      action: 'enterprise.jobs.read',
      entityType: 'enterprise_jobs',
      details: { count: jobs.length },
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      jobs,
      figures: jobFigures(jobs, today, yearPeriod(today), param.value.soonWindowDays),
    };
  });
}

export default function Jobs({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, jobs, figures } = loaderData;
  return (
    <>
      <PageHeader
        title={t('enterprises.jobs.localityTitle')}
        lead={t('enterprises.jobs.localityLead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('enterprises.jobs.localityTitle') },
            ]}
          />
        }
        actions={
          <Link to={`/app/${locality.slug}/jobs/report`} className="button button--secondary">
            {t('enterprises.report.title')}
          </Link>
        }
      />
      <JobFigures f={figures} />
      {jobs.length ? (
        <JobsTable
          jobs={jobs}
          showEnterprise
          enterpriseHref={(id) => `/app/${locality.slug}/enterprises/${id}`}
          caption={t('enterprises.jobs.caption', { count: jobs.length })}
        />
      ) : (
        <p>{t('enterprises.jobs.empty')}</p>
      )}
    </>
  );
}
