import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ParticipantPlans } from '../participant-plan.server.ts';
import { StepIndicator } from './step-indicator.tsx';

/**
 * The "Plan wsparcia" section of the participant page (staff): the open plan in short (step,
 * responsible, next review, actions done) with a link to it, or "Utwórz plan"; closed plans and
 * outcomes below. Data from loadPlansForParticipant (one SQL statement).
 */
export function PlanSection({
  plans,
  localitySlug,
  personId,
  canEdit,
}: {
  plans: ParticipantPlans;
  localitySlug: string;
  personId: string;
  canEdit: boolean;
}) {
  const { t, date } = useI18n();
  const base = `/app/${localitySlug}/participants/${personId}/plans`;
  const open = plans.open;
  const done = open ? open.actions.filter((a) => a.status === 'done').length : 0;
  return (
    <section aria-labelledby="pp-plan" id="plan" className="section">
      <h2 id="pp-plan">{t('plans.section.title')}</h2>
      {open ? (
        <>
          <StepIndicator step={open.step} />
          <dl className="summary-list">
            <div>
              <dt>{t('plans.page.responsible')}</dt>
              <dd>{open.responsibleName ?? t('plans.page.nobody')}</dd>
            </div>
            <div>
              <dt>{t('plans.form.goals.label')}</dt>
              <dd className="pre-line">{open.goals || t('plans.page.empty')}</dd>
            </div>
            <div>
              <dt>{t('plans.section.nextReview')}</dt>
              <dd>{open.nextReviewOn ? date(open.nextReviewOn) : t('plans.caseload.noReview')}</dd>
            </div>
            <div>
              <dt>{t('plans.actions.title')}</dt>
              <dd>{t('plans.section.actionsDone', { done, count: open.actions.length })}</dd>
            </div>
          </dl>
          <p>
            <Link to={`${base}/${open.id}`} className="button button--secondary">
              {t('plans.section.open')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p>{t('plans.section.none')}</p>
          {canEdit ? (
            <p>
              <Link to={`${base}/new`} className="button button--primary">
                {t('plans.section.create')}
              </Link>
            </p>
          ) : null}
        </>
      )}
      {plans.closed.length > 0 ? (
        <>
          <h3>{t('plans.section.closedTitle')}</h3>
          <ul className="plain-list">
            {plans.closed.map((p) => (
              <li key={p.id}>
                <Link to={`${base}/${p.id}`}>
                  {t('plans.section.closedItem', {
                    from: date(p.startsOn),
                    to: date(p.closedOn),
                    reason: t(`plans.closingReason.${p.closingReason as 'other'}`),
                  })}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plans.outcomes.length > 0 ? (
        <>
          <h3>{t('plans.section.outcomesTitle')}</h3>
          <ul className="plain-list">
            {plans.outcomes.map((o) => (
              <li key={o.id}>
                {t('plans.section.outcomeItem', {
                  date: date(o.achievedOn),
                  kind: t(`plans.outcomeKind.${o.kind as 'other'}`),
                })}
                {o.organisationName ? ` — ${o.organisationName}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/**
 * The participant's own view of their plan (self-service page): plain Polish, large readable
 * lists, no staff jargon, no internal notes. "Twój plan", what you need, what you aim for,
 * what we do next, what is done, the next talk about the plan, your successes.
 */
export function PlanForParticipant({ plans }: { plans: ParticipantPlans }) {
  const { t, dateLong } = useI18n();
  const open = plans.open;
  const next = open ? open.actions.filter((a) => a.status === 'planned') : [];
  const done = open ? open.actions.filter((a) => a.status === 'done') : [];
  return (
    <section aria-labelledby="my-plan" className="section my-plan">
      <h2 id="my-plan">{t('plans.self.title')}</h2>
      {!open ? (
        <p className="my-plan__lead">{t('plans.self.none')}</p>
      ) : (
        <>
          <p className="my-plan__lead">{t(`plans.self.${open.step}`)}</p>
          {open.responsibleName ? <p>{t('plans.self.contact', { name: open.responsibleName })}</p> : null}
          {open.nextReviewOn ? (
            <p className="my-plan__meeting">
              <strong>{t('plans.self.meeting', { date: dateLong(open.nextReviewOn) })}</strong>
            </p>
          ) : null}
          {open.needs ? (
            <>
              <h3>{t('plans.self.needs')}</h3>
              <p className="pre-line">{open.needs}</p>
            </>
          ) : null}
          {open.goals ? (
            <>
              <h3>{t('plans.self.goals')}</h3>
              <p className="pre-line">{open.goals}</p>
            </>
          ) : null}
          <h3>{t('plans.self.next')}</h3>
          {next.length === 0 ? (
            <p>{t('plans.self.nothingNext')}</p>
          ) : (
            <ul className="my-plan__list">
              {next.map((a) => (
                <li key={a.id}>
                  <strong>{t(`plans.self.kind.${a.kind as 'other'}`)}</strong>
                  <span>{a.description}</span>
                  {a.dueOn ? <span>{t('plans.self.by', { date: dateLong(a.dueOn) })}</span> : null}
                  {a.responsibleName ? (
                    <span>{t('plans.self.with', { name: a.responsibleName })}</span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
          {done.length > 0 ? (
            <>
              <h3>{t('plans.self.done')}</h3>
              <ul className="my-plan__list my-plan__list--done">
                {done.map((a) => (
                  <li key={a.id}>
                    <strong>{t(`plans.self.kind.${a.kind as 'other'}`)}</strong>
                    <span>{a.description}</span>
                    {a.doneOn ? <span>{t('plans.self.doneOn', { date: dateLong(a.doneOn) })}</span> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}
      {plans.outcomes.length > 0 ? (
        <>
          <h3>{t('plans.self.successes')}</h3>
          <ul className="my-plan__list">
            {plans.outcomes.map((o) => (
              <li key={o.id}>
                <strong>{t(`plans.self.outcome.${o.kind as 'other'}`)}</strong>
                <span>
                  {dateLong(o.achievedOn)}
                  {o.organisationName ? ` — ${o.organisationName}` : ''}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
