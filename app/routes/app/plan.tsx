import { Link, useLocation } from 'react-router';
import { DateField, ErrorSummary, PostForm, SelectField, TextArea } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  handleForm,
  readParticipant,
  requireReader,
} from '../../features/participants/participant-route.server.ts';
import { PlanActions } from '../../features/plans/components/plan-actions.tsx';
import { PlanHistory, PlanOutcomes, PlanReviews } from '../../features/plans/components/plan-reviews.tsx';
import { ClosePlanSection, NextStepPanel } from '../../features/plans/components/plan-step-forms.tsx';
import { StepIndicator } from '../../features/plans/components/step-indicator.tsx';
import { runPlanIntent } from '../../features/plans/plan-intents.server.ts';
import { canManagePlans } from '../../features/plans/plans.policy.ts';
import { loadPlan, planFormOptions } from '../../features/plans/plans.queries.server.ts';
import { REVIEW_PARAMETER, type ReviewParameter } from '../../features/plans/plans.rules.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/plan';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, db, row } = await readParticipant(args, args.params.personId, 'plan');
    const today = todayInWarsaw();
    const [plan, options, param] = await Promise.all([
      loadPlan(db, { localityId: locality.localityId, personId: row.person.id, planId: args.params.planId }),
      planFormOptions(db, { localityId: locality.localityId, withOrganisations: true }),
      legalParameter<ReviewParameter>(db, REVIEW_PARAMETER, today),
    ]);
    if (!plan) throw new AppError('NOT_FOUND', 'errors.404.body');
    const editId = new URL(args.request.url).searchParams.get('editAction');
    return {
      locality: { slug: locality.slug, name: locality.name },
      person: { id: row.person.id, name: `${row.person.givenName} ${row.person.familyName}` },
      plan,
      editing: plan.actions.find((a) => a.id === editId) ?? null,
      staff: options.staff,
      organisations: options.organisations,
      today,
      intervalDays: param.value.defaultIntervalDays,
      canEdit: canManagePlans(actor, locality),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireReader(args));
  const form = await args.request.formData();
  const { personId, planId } = args.params;
  return handleForm(form, async () => {
    const r = await runPlanIntent(services(args.context).db, {
      actor,
      locality,
      personId,
      planId,
      intent: String(form.get('intent') ?? ''),
      values: formValues(form),
      today: todayInWarsaw(),
    });
    const url = `/app/${locality.slug}/participants/${personId}/plans/${planId}${r.anchor}`;
    return redirectWithFlash(args.context, url, { kind: 'success', key: r.flash });
  });
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

export default function Plan({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, person, plan, editing, staff, organisations, today, intervalDays, canEdit } = loaderData;
  const { key: navigation } = useLocation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (...intents: string[]) => (failed && intents.includes(failed.intent) ? failed : null);
  const open = canEdit && plan.step !== 'closed';
  const personUrl = `/app/${locality.slug}/participants/${person.id}`;
  const title = t('plans.page.title', { name: person.name });
  const upd = f('update');
  const agreeFailed = f('agree');
  const editErrors = { ...(agreeFailed?.errors ?? {}), ...(upd?.errors ?? {}) };
  return (
    <>
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/plans`, label: t('plans.caseload.title') },
              { to: personUrl, label: person.name },
              { label: t('plans.section.title') },
            ]}
          />
        }
        actions={
          <Link to={personUrl} className="button button--secondary">
            {t('plans.page.backToPerson')}
          </Link>
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <StepIndicator step={plan.step} />
      {plan.step === 'closed' ? <p className="notice">{t('plans.page.readOnly')}</p> : null}
      <section aria-labelledby="summary" className="section">
        <h2 id="summary">{t('plans.page.summary')}</h2>
        <dl className="summary-list">
          <Row label={t('plans.page.step')}>
            {plan.step === 'closed'
              ? t('plans.page.closed', {
                  date: date(plan.closedOn),
                  reason: t(`plans.closingReason.${plan.closingReason as 'other'}`),
                })
              : t(`plans.step.${plan.step as 'draft'}`)}
          </Row>
          {plan.closingNote ? <Row label={t('plans.page.closingNote')}>{plan.closingNote}</Row> : null}
          <Row label={t('plans.page.startsOn')}>{date(plan.startsOn)}</Row>
          {plan.agreedOn ? <Row label={t('plans.page.agreedOn')}>{date(plan.agreedOn)}</Row> : null}
          <Row label={t('plans.page.responsible')}>{plan.responsibleName ?? t('plans.page.nobody')}</Row>
          <Row label={t('plans.form.needs.label')}>
            <span className="pre-line">{plan.needs || t('plans.page.empty')}</span>
          </Row>
          <Row label={t('plans.form.goals.label')}>
            <span className="pre-line">{plan.goals || t('plans.page.empty')}</span>
          </Row>
        </dl>
        {open ? (
          <details
            key={`edit-${navigation}`}
            className="panel-details"
            open={Boolean(upd || agreeFailed?.errors.needs || agreeFailed?.errors.goals)}
          >
            <summary>{t('plans.edit.title')}</summary>
            <PostForm className="stack">
              <input type="hidden" name="intent" value="update" />
              <TextArea
                name="needs"
                label={t('plans.form.needs.label')}
                hint={t('plans.form.needs.hint')}
                defaultValue={upd?.values.needs ?? plan.needs}
                error={editErrors.needs}
              />
              <TextArea
                name="goals"
                label={t('plans.form.goals.label')}
                hint={t('plans.form.goals.hint')}
                defaultValue={upd?.values.goals ?? plan.goals}
                error={editErrors.goals}
              />
              <DateField
                name="startsOn"
                label={t('plans.form.startsOn.label')}
                defaultValue={upd?.values.startsOn ?? dateInputValue(plan.startsOn)}
                error={editErrors.startsOn}
                required
              />
              <SelectField
                name="responsibleUserId"
                label={t('plans.form.responsible.label')}
                hint={t('plans.form.responsible.hint')}
                defaultValue={upd?.values.responsibleUserId ?? plan.responsibleUserId ?? ''}
                emptyLabel={t('plans.form.choose')}
                options={staff.map((s) => ({ value: s.id, label: s.name }))}
                error={editErrors.responsibleUserId}
                required
              />
              <button type="submit" className="button button--primary">
                {t('plans.edit.submit')}
              </button>
            </PostForm>
          </details>
        ) : null}
      </section>
      {open ? <NextStepPanel plan={plan} today={today} failed={failed} /> : null}
      <PlanActions
        actions={plan.actions}
        editing={editing}
        open={open}
        failed={failed}
        staff={staff}
        organisations={organisations}
      />
      <PlanReviews
        reviews={plan.reviews}
        today={today}
        open={open}
        failed={failed}
        intervalDays={intervalDays}
      />
      {canEdit ? (
        <PlanOutcomes outcomes={plan.outcomes} today={today} failed={failed} organisations={organisations} />
      ) : null}
      {open ? <ClosePlanSection today={today} failed={failed} /> : null}
      <PlanHistory steps={plan.steps} />
    </>
  );
}
