import { Link } from 'react-router';
import { DateField, ErrorSummary, PostForm, SelectField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { JobFigures } from '../../features/enterprises/components/job-figures.tsx';
import { JobForm } from '../../features/enterprises/components/job-form.tsx';
import { JobsTable } from '../../features/enterprises/components/jobs-table.tsx';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import {
  handleForm,
  personFormOptions,
  recheckOptions,
  requireEnterpriseReader,
} from '../../features/enterprises/enterprise-route.server.ts';
import { createJob, endJob } from '../../features/enterprises/enterprises.server.ts';
import { parseDateInput } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-jobs';

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
      purpose: 'enterprise_jobs',
    });
    const { people, categories } = await personFormOptions(db, {
      localityId: locality.localityId,
      today,
      canEdit: page.canEdit,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: page.profile.id, name: page.profile.name, registeredOn: page.profile.registeredOn },
      jobs: page.jobs,
      jobFigures: page.jobFigures,
      grants: page.grants,
      canEdit: page.canEdit,
      people,
      categories,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  const today = todayInWarsaw();
  return handleForm(form, async () => {
    if (values.intent === 'end') {
      const typed = (values.lastDay ?? '').trim();
      const endOn = typed ? parseDateInput(typed) : null;
      if (typed && !endOn)
        throw new AppError(
          'BAD_REQUEST',
          'enterprises.job.end.invalid',
          {},
          { lastDay: 'enterprises.job.endOn.invalid' },
        );
      try {
        await endJob(services(args.context).db, {
          actor,
          locality,
          enterpriseId: args.params.enterpriseId,
          jobId: values.jobId ?? '',
          endOn,
          recheck: recheckOptions(args, today),
        });
      } catch (error) {
        // The end date is typed in this form's own field (the new-job form has an "endOn" too).
        if (error instanceof AppError && error.fieldErrors.endOn)
          throw new AppError(
            error.code,
            'enterprises.job.end.invalid',
            {},
            { lastDay: error.fieldErrors.endOn },
          );
        throw error;
      }
      return redirectWithFlash(
        args.context,
        `/app/${locality.slug}/enterprises/${args.params.enterpriseId}/jobs`,
        {
          kind: 'success',
          key: 'enterprises.job.ended',
        },
      );
    }
    await createJob(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      values,
      recheck: recheckOptions(args, today),
    });
    return redirectWithFlash(
      args.context,
      `/app/${locality.slug}/enterprises/${args.params.enterpriseId}/jobs`,
      {
        kind: 'success',
        key: 'enterprises.job.created',
      },
    );
  });
}

export default function EnterpriseJobs({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, enterprise, jobs, jobFigures, grants, canEdit, people, categories } = loaderData;
  const failedAny = actionData && !actionData.ok ? actionData : null;
  const endFailed = failedAny?.values.intent === 'end' ? failedAny : null;
  const failed = endFailed ? null : failedAny;
  const base = `/app/${locality.slug}/enterprises/${enterprise.id}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.jobs.pageTitle', { name: enterprise.name })}
        hasError={Boolean(failed)}
        lead={
          enterprise.registeredOn
            ? t('enterprises.jobs.lead', { date: date(enterprise.registeredOn) })
            : undefined
        }
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: enterprise.name },
              { label: t('enterprises.jobs.title') },
            ]}
          />
        }
      />
      <JobFigures f={jobFigures} />
      {jobs.length ? (
        <JobsTable
          jobs={jobs}
          caption={t('enterprises.jobs.caption', { count: jobs.length })}
          editHref={canEdit ? (id) => `${base}/jobs/${id}/edit` : undefined}
        />
      ) : (
        <p>{t('enterprises.jobs.empty')}</p>
      )}
      {canEdit && jobs.some((j) => !j.endOn) ? (
        <section aria-labelledby="job-end-title">
          <h2 id="job-end-title">{t('enterprises.job.end.title')}</h2>
          {endFailed ? <ErrorSummary errors={endFailed.errors} /> : null}
          <PostForm className="form form--narrow">
            <input type="hidden" name="intent" value="end" />
            <SelectField
              name="jobId"
              label={t('enterprises.job.end.which')}
              required
              defaultValue={endFailed?.values.jobId ?? ''}
              options={jobs
                .filter((j) => !j.endOn)
                .map((j) => ({ value: j.id, label: `${j.position} – ${j.displayName || '—'}` }))}
            />
            <DateField
              name="lastDay"
              label={t('enterprises.job.end.endOn')}
              required
              error={endFailed?.errors.lastDay}
              defaultValue={endFailed?.values.lastDay ?? ''}
            />
            <button type="submit" className="button button--secondary">
              {t('enterprises.job.end.submit')}
            </button>
          </PostForm>
        </section>
      ) : null}
      {canEdit ? (
        <JobForm
          people={people}
          grants={grants}
          categories={categories}
          values={failed?.values ?? {}}
          errors={failed?.errors ?? {}}
        />
      ) : null}
      <p>
        <Link to={base}>{t('enterprises.back')}</Link>
      </p>
    </>
  );
}
