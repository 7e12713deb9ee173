import { DateField, PostForm, SelectField, TextArea } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { dateInputValue } from '../../../lib/dates.ts';
import type { PlanOutcome, PlanReview, PlanStepEvent } from '../plans.queries.server.ts';
import { addDays, nextReview, OUTCOME_KINDS, reviewTiming } from '../plans.rules.ts';
import type { Failed } from './plan-actions.tsx';

/** "overdue — 5 days past the date", "today", "in 3 days", "held on 5.03.2027": in words. */
export function ReviewState({ review, today }: { review: PlanReview; today: string }) {
  const { t, date } = useI18n();
  const timing = reviewTiming(review, today);
  if (timing.kind === 'held') return <>{t('plans.reviews.held', { date: date(review.heldOn) })}</>;
  if (timing.kind === 'overdue')
    return <strong className="overdue-flag">{t('plans.reviews.overdue', { count: timing.days })}</strong>;
  if (timing.kind === 'today') return <strong>{t('plans.reviews.today')}</strong>;
  return <>{t('plans.reviews.upcoming', { count: timing.days })}</>;
}

/** Reviews: the table, a form to record the next one as held, and a form to schedule one. */
export function PlanReviews({
  reviews,
  today,
  open,
  failed,
  intervalDays,
}: {
  reviews: PlanReview[];
  today: string;
  open: boolean;
  failed: Failed;
  intervalDays: number;
}) {
  const { t, date } = useI18n();
  const next = nextReview(reviews);
  const hold = failed?.intent === 'holdReview' ? failed : null;
  const schedule = failed?.intent === 'scheduleReview' ? failed : null;
  return (
    <section aria-labelledby="reviews" className="section">
      <h2 id="reviews">{t('plans.reviews.title')}</h2>
      {reviews.length === 0 ? (
        <p>{t('plans.reviews.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('plans.reviews.caption', { count: reviews.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.reviews.col.due')}</th>
                <th scope="col">{t('plans.reviews.col.state')}</th>
                <th scope="col">{t('plans.reviews.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {reviews.map((r) => (
                <tr key={r.id} className={!r.heldOn && r.dueOn < today ? 'row--overdue' : undefined}>
                  <th scope="row">{date(r.dueOn)}</th>
                  <td data-label={t('plans.reviews.col.state')}>
                    {open || r.heldOn ? <ReviewState review={r} today={today} /> : t('plans.reviews.notHeld')}
                  </td>
                  <td data-label={t('plans.reviews.col.note')} className="pre-line">
                    {r.note || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {open && next ? (
        <div className="panel">
          <h3>{t('plans.reviews.hold.title', { date: date(next.dueOn) })}</h3>
          <PostForm className="stack">
            <input type="hidden" name="intent" value="holdReview" />
            <input type="hidden" name="reviewId" value={next.id} />
            <DateField
              name="heldOn"
              label={t('plans.form.heldOn.label')}
              defaultValue={hold?.values.heldOn ?? dateInputValue(today)}
              error={hold?.errors.heldOn ?? hold?.errors.reviewId}
              required
            />
            <TextArea
              name="reviewNote"
              rows={3}
              label={t('plans.form.reviewNote.label')}
              defaultValue={hold?.values.reviewNote}
              error={hold?.errors.reviewNote}
              required
            />
            <DateField
              name="nextDueOn"
              label={t('plans.form.nextDueOn.label')}
              hint={t('plans.form.nextDueOn.hint', { date: dateInputValue(addDays(today, intervalDays)) })}
              defaultValue={hold?.values.nextDueOn}
              error={hold?.errors.nextDueOn}
            />
            <button type="submit" className="button button--primary">
              {t('plans.reviews.hold.submit')}
            </button>
          </PostForm>
        </div>
      ) : null}
      {open ? (
        <details className="panel-details" open={Boolean(schedule)}>
          <summary>{t('plans.reviews.schedule.submit')}</summary>
          <PostForm className="stack">
            <input type="hidden" name="intent" value="scheduleReview" />
            <DateField
              name="reviewDueOn"
              label={t('plans.form.reviewDueOn.label')}
              defaultValue={schedule?.values.reviewDueOn}
              error={schedule?.errors.reviewDueOn}
            />
            <button type="submit" className="button button--secondary">
              {t('plans.reviews.schedule.submit')}
            </button>
          </PostForm>
        </details>
      ) : null}
    </section>
  );
}

/** Outcomes of the support, and a form to record one (also after the plan is closed). */
export function PlanOutcomes({
  outcomes,
  today,
  failed,
  organisations,
}: {
  outcomes: PlanOutcome[];
  today: string;
  failed: Failed;
  organisations: { id: string; name: string }[];
}) {
  const { t, date } = useI18n();
  const f = failed?.intent === 'recordOutcome' ? failed : null;
  return (
    <section aria-labelledby="outcomes" className="section">
      <h2 id="outcomes">{t('plans.outcomes.title')}</h2>
      {outcomes.length === 0 ? (
        <p>{t('plans.outcomes.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack">
            <caption>{t('plans.outcomes.caption', { count: outcomes.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('plans.outcomes.col.kind')}</th>
                <th scope="col">{t('plans.outcomes.col.date')}</th>
                <th scope="col">{t('plans.outcomes.col.organisation')}</th>
                <th scope="col">{t('plans.outcomes.col.note')}</th>
              </tr>
            </thead>
            <tbody>
              {outcomes.map((o) => (
                <tr key={o.id}>
                  <th scope="row">{t(`plans.outcomeKind.${o.kind as 'other'}`)}</th>
                  <td data-label={t('plans.outcomes.col.date')}>{date(o.achievedOn)}</td>
                  <td data-label={t('plans.outcomes.col.organisation')}>{o.organisationName ?? '—'}</td>
                  <td data-label={t('plans.outcomes.col.note')}>{o.note || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <details className="panel-details" open={Boolean(f)}>
        <summary>{t('plans.outcomes.add.title')}</summary>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="recordOutcome" />
          <SelectField
            name="outcomeKind"
            label={t('plans.form.outcomeKind.label')}
            defaultValue={f?.values.outcomeKind ?? ''}
            emptyLabel={t('plans.form.choose')}
            options={OUTCOME_KINDS.map((k) => ({ value: k, label: t(`plans.outcomeKind.${k}`) }))}
            error={f?.errors.outcomeKind}
            required
          />
          <DateField
            name="achievedOn"
            label={t('plans.form.achievedOn.label')}
            defaultValue={f?.values.achievedOn ?? dateInputValue(today)}
            error={f?.errors.achievedOn}
            required
          />
          <SelectField
            name="outcomeOrganisationId"
            label={t('plans.form.outcomeOrganisationId.label')}
            hint={t('plans.form.outcomeOrganisationId.hint')}
            defaultValue={f?.values.outcomeOrganisationId ?? ''}
            emptyLabel={t('plans.form.nobody')}
            options={organisations.map((o) => ({ value: o.id, label: o.name }))}
            error={f?.errors.outcomeOrganisationId}
          />
          <TextArea
            name="outcomeNote"
            rows={2}
            label={t('plans.form.outcomeNote.label')}
            defaultValue={f?.values.outcomeNote}
            error={f?.errors.outcomeNote}
          />
          <button type="submit" className="button button--primary">
            {t('plans.outcomes.add.submit')}
          </button>
        </PostForm>
      </details>
    </section>
  );
}

/** Every move between steps: from → to, who and when, with the note. */
export function PlanHistory({ steps }: { steps: PlanStepEvent[] }) {
  const { t, dateTime } = useI18n();
  const name = (s: string) => t(`plans.step.${s as 'draft'}`);
  return (
    <section aria-labelledby="history" className="section">
      <h2 id="history">{t('plans.history.title')}</h2>
      <ol className="history">
        {steps.map((s) => (
          <li key={s.id}>
            <strong>
              {s.fromStep
                ? t('plans.history.move', { from: name(s.fromStep), to: name(s.toStep) })
                : t('plans.history.created')}
            </strong>
            <span className="history__meta">
              {' '}
              {t('plans.history.by', { name: s.byName ?? '—', at: dateTime(s.at) })}
            </span>
            {s.note ? <p className="pre-line">{s.note}</p> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
