import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { JobForm } from '../../features/enterprises/components/job-form.tsx';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import {
  handleForm,
  personFormOptions,
  recheckOptions,
  requireEnterpriseReader,
} from '../../features/enterprises/enterprise-route.server.ts';
import { updateJob } from '../../features/enterprises/enterprises.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-job-edit';

/** Correcting one job of an enterprise: the add form, filled in, with the same rules. */
export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireEnterpriseReader(args);
    const db = services(args.context).db;
    const today = todayInWarsaw();
    const page = await loadEnterprisePage(db, {
      actor,
      locality,
      id: args.params.enterpriseId,
      today,
      purpose: 'enterprise_job_edit',
    });
    if (!page.canEdit) throw new AppError('FORBIDDEN', 'errors.403.body');
    const job = page.jobs.find((j) => j.id === args.params.jobId);
    if (!job) throw new AppError('NOT_FOUND', 'errors.404.body');
    const { people, categories } = await personFormOptions(db, {
      localityId: locality.localityId,
      today,
      canEdit: true,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: page.profile.id, name: page.profile.name },
      job: { id: job.id, position: job.position },
      values: {
        position: job.position,
        personId: job.personId ?? '',
        displayName: job.personId ? '' : job.displayName,
        contractType: job.contractType,
        fte: String(job.fte).replace('.', ','),
        startOn: dateInputValue(job.startOn),
        endOn: dateInputValue(job.endOn),
        atRiskCategory: job.atRiskCategory ?? 'none',
        grantId: job.grantId ?? '',
        fundingNote: job.fundingNote,
        keepUntil: dateInputValue(job.keepUntil),
      } as Record<string, string>,
      grants: page.grants,
      people,
      categories,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    await updateJob(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      jobId: args.params.jobId,
      values,
      recheck: recheckOptions(args, todayInWarsaw()),
    });
    return redirectWithFlash(
      args.context,
      `/app/${locality.slug}/enterprises/${args.params.enterpriseId}/jobs`,
      { kind: 'success', key: 'enterprises.job.updated' },
    );
  });
}

export default function EnterpriseJobEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, enterprise, job, values, grants, people, categories } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/enterprises/${enterprise.id}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.job.edit.title', { position: job.position })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: enterprise.name },
              { to: `${base}/jobs`, label: t('enterprises.jobs.title') },
              { label: t('enterprises.job.edit.link') },
            ]}
          />
        }
      />
      <JobForm
        people={people}
        grants={grants}
        categories={categories}
        values={failed?.values ?? values}
        errors={failed?.errors ?? {}}
        title={t('enterprises.job.edit.formTitle')}
        submitLabel={t('enterprises.job.edit.submit')}
      />
      <p>
        <Link to={`${base}/jobs`}>{t('enterprises.job.edit.back')}</Link>
      </p>
    </>
  );
}
