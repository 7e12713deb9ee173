import { Link } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RequiredNote,
  SelectField,
  TextArea,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  handleForm,
  readParticipant,
  requireReader,
} from '../../features/participants/participant-route.server.ts';
import { loadPlansForParticipant } from '../../features/plans/participant-plan.server.ts';
import { planFormOptions } from '../../features/plans/plans.queries.server.ts';
import { REVIEW_PARAMETER, type ReviewParameter } from '../../features/plans/plans.rules.ts';
import { createPlan } from '../../features/plans/plans.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/plan-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, db, row } = await readParticipant(args, args.params.personId, 'plan');
    if (row.participant.status !== 'active') throw new AppError('NOT_FOUND', 'errors.404.body');
    const today = todayInWarsaw();
    const [options, param, plans] = await Promise.all([
      planFormOptions(db, { localityId: locality.localityId, withOrganisations: false }),
      legalParameter<ReviewParameter>(db, REVIEW_PARAMETER, today),
      loadPlansForParticipant(db, { localityId: locality.localityId, personId: row.person.id }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      person: { id: row.person.id, name: `${row.person.givenName} ${row.person.familyName}` },
      staff: options.staff,
      me: actor.userId,
      today,
      intervalDays: param.value.defaultIntervalDays,
      openPlanId: plans.open?.id ?? null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireReader(args));
  const form = await args.request.formData();
  const personId = args.params.personId;
  return handleForm(form, async () => {
    const planId = await createPlan(services(args.context).db, {
      actor,
      locality,
      personId,
      values: formValues(form),
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/participants/${personId}/plans/${planId}`, {
      kind: 'success',
      key: 'plans.flash.created',
    });
  });
}

export default function PlanNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, person, staff, me, today, intervalDays, openPlanId } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values;
  const e = failed?.errors ?? {};
  const personUrl = `/app/${locality.slug}/participants/${person.id}`;
  const defaultResponsible = staff.some((s) => s.id === me) ? me : '';
  return (
    <div className="form-page">
      <PageHeader
        title={t('plans.new.title')}
        lead={t('plans.new.lead', { name: person.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/participants`, label: t('participants.list.title') },
              { to: personUrl, label: person.name },
              { label: t('plans.new.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      {openPlanId ? (
        <p className="notice">
          {t('plans.create.openExists')}{' '}
          <Link to={`${personUrl}/plans/${openPlanId}`}>{t('plans.section.open')}</Link>
        </p>
      ) : null}
      <PostForm className="stack">
        <RequiredNote />
        <TextArea
          name="needs"
          label={t('plans.form.needs.label')}
          hint={t('plans.form.needs.hint')}
          defaultValue={v?.needs}
          error={e.needs}
        />
        <TextArea
          name="goals"
          label={t('plans.form.goals.label')}
          hint={t('plans.form.goals.hint')}
          defaultValue={v?.goals}
          error={e.goals}
        />
        <DateField
          name="startsOn"
          label={t('plans.form.startsOn.label')}
          defaultValue={v?.startsOn ?? dateInputValue(today)}
          error={e.startsOn}
          required
        />
        <SelectField
          name="responsibleUserId"
          label={t('plans.form.responsible.label')}
          hint={t('plans.form.responsible.hint')}
          defaultValue={v?.responsibleUserId ?? defaultResponsible}
          emptyLabel={t('plans.form.choose')}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
          error={e.responsibleUserId}
          required
        />
        <DateField
          name="firstReviewOn"
          label={t('plans.form.firstReviewOn.label')}
          hint={t('plans.form.firstReviewOn.hint', { count: intervalDays })}
          defaultValue={v?.firstReviewOn}
          error={e.firstReviewOn}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('plans.new.submit')}
          </button>
          <Link to={personUrl} className="button button--secondary">
            {t('plans.form.cancel')}
          </Link>
        </div>
      </PostForm>
    </div>
  );
}
