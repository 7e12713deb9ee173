import { data } from 'react-router';
import {
  DateField,
  ErrorSummary,
  PostForm,
  RadioGroup,
  SelectField,
  TextArea,
} from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { StatusBadge } from '../../features/roadmap/components/status-badge.tsx';
import { StepHistory } from '../../features/roadmap/components/step-history.tsx';
import { liveEvidence } from '../../features/roadmap/roadmap.evidence.server.ts';
import { canUpdateRoadmapStep } from '../../features/roadmap/roadmap.policy.ts';
import {
  getRoadmapStep,
  listResponsibleCandidates,
  listStepEvents,
} from '../../features/roadmap/roadmap.queries.server.ts';
import { isOverdue, isStepKey, STEP_STATUSES } from '../../features/roadmap/roadmap.rules.ts';
import { updateStepSchema } from '../../features/roadmap/roadmap.schema.ts';
import { updateRoadmapStep } from '../../features/roadmap/update-roadmap-step.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, formValues, parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import {
  redirectWithFlash,
  requestInfo,
  requireActor,
  run,
  services,
  throwAppError,
} from '../../lib/request.server.ts';
import type { Route } from './+types/roadmap-step';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const { db } = services(args.context);
    if (!isStepKey(args.params.stepKey)) throw new AppError('NOT_FOUND', 'errors.404.body');
    const step = await getRoadmapStep(db, { localityId: locality.localityId, stepKey: args.params.stepKey });
    if (!step) throw new AppError('NOT_FOUND', 'errors.404.body');
    const canUpdate = canUpdateRoadmapStep(actor, locality, step);
    const [events, candidates, evidence] = await Promise.all([
      listStepEvents(db, { localityId: locality.localityId, stepId: step.id }),
      canUpdate ? listResponsibleCandidates(db, { localityId: locality.localityId }) : Promise.resolve([]),
      liveEvidence(db, { localityId: locality.localityId }),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      step: {
        stepKey: step.stepKey,
        position: step.position,
        status: step.status,
        responsibleUserId: step.responsibleUserId,
        responsibleName: step.responsibleName,
        dueDate: step.dueDate,
        doneOn: step.doneOn,
        startedOn: step.startedOn,
        evidenceNotes: step.evidenceNotes,
        evidenceLinks: step.evidenceLinks,
        version: step.version,
        overdue: isOverdue(step, todayInWarsaw()),
      },
      events: events.map((e) => ({
        id: e.id,
        at: e.at.toISOString(),
        actorName: e.actorName,
        changes: e.changes,
      })),
      candidates,
      canUpdate,
      evidence: evidence[step.stepKey] ?? null,
    };
  });
}

type ActionFailure = { ok: false; errors: FieldErrors; values: Record<string, string> };

export async function action(args: Route.ActionArgs) {
  const { locality, actor } = await run(() => requireActor(args, { locality: args.params.locality }));
  const form = await args.request.formData();
  const parsed = parseForm(form, updateStepSchema);
  if (!parsed.ok) return data<ActionFailure>(parsed, { status: 400 });
  try {
    const { changed } = await updateRoadmapStep(services(args.context).db, {
      actor: { ...actor, requestId: requestInfo(args.context).requestId },
      locality,
      stepKey: args.params.stepKey,
      input: parsed.data,
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/roadmap/${args.params.stepKey}`, {
      kind: changed ? 'success' : 'info',
      key: changed ? 'roadmap.step.saved' : 'roadmap.step.unchanged',
    });
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'CONFLICT', 'BAD_REQUEST'].includes(error.code)) {
      const errors: FieldErrors = Object.keys(error.fieldErrors).length
        ? error.fieldErrors
        : { _form: error.messageKey };
      return data<ActionFailure>({ ok: false, errors, values: formValues(form) }, { status: error.status });
    }
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export default function RoadmapStep({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateLong } = useI18n();
  const { locality, step, events, candidates, canUpdate, evidence } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values;
  const base = `/app/${locality.slug}`;
  const title = t(`roadmap.step.${step.stepKey}.title`);
  return (
    <>
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        lead={t(`roadmap.step.${step.stepKey}.hint`)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: base, label: locality.name },
              { to: `${base}/roadmap`, label: t('roadmap.list.title') },
              { label: title },
            ]}
          />
        }
      />
      <div className="grid grid--2-1">
        <div>
          <dl className="summary-list">
            <div>
              <dt>{t('roadmap.list.col.status')}</dt>
              <dd>
                <StatusBadge status={step.status} />
              </dd>
            </div>
            <div>
              <dt>{t('roadmap.list.col.responsible')}</dt>
              <dd>{step.responsibleName ?? t('roadmap.list.nobody')}</dd>
            </div>
            <div>
              <dt>{t('roadmap.list.col.due')}</dt>
              <dd>
                {step.dueDate ? dateLong(step.dueDate) : t('roadmap.step.noDate')}
                {step.overdue ? (
                  <>
                    {' '}
                    <strong className="overdue-flag">{t('roadmap.list.overdue')}</strong>
                  </>
                ) : null}
              </dd>
            </div>
            {step.doneOn ? (
              <div>
                <dt>{t('roadmap.list.col.done')}</dt>
                <dd>{dateLong(step.doneOn)}</dd>
              </div>
            ) : null}
            {evidence ? (
              <div>
                <dt>{t('roadmap.evidence.label')}</dt>
                <dd>{t(evidence.key, evidence.values)}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('roadmap.form.evidenceNotes.label')}</dt>
              <dd className="pre-line">{step.evidenceNotes || t('roadmap.step.noEvidence')}</dd>
            </div>
            {step.evidenceLinks.length > 0 ? (
              <div>
                <dt>{t('roadmap.form.evidenceLinks.label')}</dt>
                <dd>
                  <ul className="plain-list">
                    {step.evidenceLinks.map((l) => (
                      <li key={l.url}>
                        <a href={l.url} rel="noopener noreferrer">
                          {l.label}
                        </a>
                      </li>
                    ))}
                  </ul>
                </dd>
              </div>
            ) : null}
          </dl>

          {canUpdate ? (
            <section aria-labelledby="edit-title" className="panel">
              <h2 id="edit-title">{t('roadmap.form.title')}</h2>
              <ErrorSummary errors={failed?.errors} />
              <PostForm className="stack">
                <input type="hidden" name="version" value={step.version} />
                <RadioGroup
                  name="status"
                  label={t('roadmap.form.status.label')}
                  defaultValue={v?.status ?? step.status}
                  options={STEP_STATUSES.map((s) => ({ value: s, label: t(`roadmap.status.${s}`) }))}
                  error={failed?.errors.status}
                />
                <SelectField
                  name="responsibleUserId"
                  label={t('roadmap.form.responsible.label')}
                  defaultValue={v?.responsibleUserId ?? step.responsibleUserId ?? ''}
                  emptyLabel={t('roadmap.list.nobody')}
                  options={candidates.map((c) => ({ value: c.id, label: c.name }))}
                  error={failed?.errors.responsibleUserId}
                />
                <DateField
                  name="dueDate"
                  label={t('roadmap.form.dueDate.label')}
                  defaultValue={v?.dueDate ?? dateInputValue(step.dueDate)}
                  error={failed?.errors.dueDate}
                />
                <DateField
                  name="doneOn"
                  label={t('roadmap.form.doneOn.label')}
                  hint={t('roadmap.form.doneOn.hint')}
                  defaultValue={v?.doneOn ?? dateInputValue(step.doneOn)}
                  error={failed?.errors.doneOn}
                />
                <TextArea
                  name="evidenceNotes"
                  label={t('roadmap.form.evidenceNotes.label')}
                  hint={t('roadmap.form.evidenceNotes.hint')}
                  defaultValue={v?.evidenceNotes ?? step.evidenceNotes}
                  error={failed?.errors.evidenceNotes}
                />
                <TextArea
                  name="evidenceLinks"
                  rows={3}
                  label={t('roadmap.form.evidenceLinks.label')}
                  hint={t('roadmap.form.evidenceLinks.hint')}
                  defaultValue={
                    v?.evidenceLinks ??
                    step.evidenceLinks
                      .map((l) => (l.label !== l.url ? `${l.url} ${l.label}` : l.url))
                      .join('\n')
                  }
                  error={failed?.errors.evidenceLinks}
                />
                <div className="actions">
                  <button type="submit" className="button button--primary">
                    {t('roadmap.form.submit')}
                  </button>
                </div>
              </PostForm>
            </section>
          ) : (
            <p className="notice">{t('roadmap.step.readOnly')}</p>
          )}
        </div>
        <aside aria-labelledby="history-title" className="panel">
          <h2 id="history-title">{t('roadmap.history.title')}</h2>
          <StepHistory events={events} formatDate={date} />
        </aside>
      </div>
    </>
  );
}
