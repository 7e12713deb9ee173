import { useLocation } from 'react-router';
import { DateField, PostForm, SelectField, TextArea } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { dateInputValue } from '../../../lib/dates.ts';
import { CLOSING_REASONS } from '../plans.rules.ts';
import type { Failed } from './plan-actions.tsx';

/**
 * The next named step of an open plan, with the rule in words and its one button: draft →
 * "Plan uzgodniony" (with the day agreed), agreed → "Rozpocznij realizację"; in progress: what
 * comes next.
 */
export function NextStepPanel({
  plan,
  today,
  failed,
}: {
  plan: { step: string };
  today: string;
  failed: Failed;
}) {
  const { t } = useI18n();
  const step = failed && ['agree', 'start'].includes(failed.intent) ? failed : null;
  return (
    <section aria-labelledby="next-step" className="section panel">
      {plan.step === 'draft' ? (
        <>
          <h2 id="next-step">{t('plans.next.agree.title')}</h2>
          <p>{t('plans.next.agree.rule')}</p>
          <PostForm className="stack">
            <input type="hidden" name="intent" value="agree" />
            <DateField
              name="agreedOn"
              label={t('plans.form.agreedOn.label')}
              defaultValue={step?.values.agreedOn ?? dateInputValue(today)}
              error={step?.errors.agreedOn}
              required
            />
            <TextArea
              name="stepNote"
              rows={2}
              label={t('plans.form.stepNote.label')}
              defaultValue={step?.values.stepNote}
              error={step?.errors.stepNote}
            />
            <button type="submit" className="button button--primary">
              {t('plans.next.agree.submit')}
            </button>
          </PostForm>
        </>
      ) : plan.step === 'agreed' ? (
        <>
          <h2 id="next-step">{t('plans.next.start.title')}</h2>
          <p>{t('plans.next.start.rule')}</p>
          <PostForm className="stack">
            <input type="hidden" name="intent" value="start" />
            <TextArea
              name="stepNote"
              rows={2}
              label={t('plans.form.stepNote.label')}
              defaultValue={step?.values.stepNote}
              error={step?.errors.stepNote}
            />
            <button type="submit" className="button button--primary">
              {t('plans.next.start.submit')}
            </button>
          </PostForm>
        </>
      ) : (
        <>
          <h2 id="next-step">{t('plans.next.inProgress.title')}</h2>
          <p>{t('plans.next.inProgress')}</p>
        </>
      )}
    </section>
  );
}

/** Closing the plan: a reason from the list, the date, a note (required for "other"). */
export function ClosePlanSection({ today, failed }: { today: string; failed: Failed }) {
  const { t } = useI18n();
  const { key: navigation } = useLocation();
  const close = failed?.intent === 'close' ? failed : null;
  return (
    <section aria-labelledby="close" className="section">
      <h2 id="close">{t('plans.close.title')}</h2>
      <p>{t('plans.close.rule')}</p>
      <details key={`close-${navigation}`} className="panel-details" open={Boolean(close)}>
        <summary>{t('plans.close.title')}</summary>
        <PostForm className="stack">
          <input type="hidden" name="intent" value="close" />
          <SelectField
            name="closingReason"
            label={t('plans.form.closingReason.label')}
            defaultValue={close?.values.closingReason ?? ''}
            emptyLabel={t('plans.form.choose')}
            options={CLOSING_REASONS.map((r) => ({ value: r, label: t(`plans.closingReason.${r}`) }))}
            error={close?.errors.closingReason}
            required
          />
          <DateField
            name="closedOn"
            label={t('plans.form.closedOn.label')}
            defaultValue={close?.values.closedOn ?? dateInputValue(today)}
            error={close?.errors.closedOn}
            required
          />
          <TextArea
            name="closingNote"
            rows={2}
            label={t('plans.form.closingNote.label')}
            defaultValue={close?.values.closingNote}
            error={close?.errors.closingNote}
          />
          <button type="submit" className="button button--danger">
            {t('plans.close.submit')}
          </button>
        </PostForm>
      </details>
    </section>
  );
}
