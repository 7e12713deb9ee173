import { DateField, ErrorSummary, PostForm, RadioGroup, TextArea } from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

type Failed = { errors: FieldErrors; values: Record<string, string> } | null;

/** The receiving side's answer (accept, or decline saying why); plain POST, works without JavaScript. */
export function AnswerForm({ onBehalf, failed }: { onBehalf: boolean; failed: Failed }) {
  const t = useT();
  return (
    <section aria-labelledby="rf-answer" className="section">
      <h2 id="rf-answer">{t('referrals.respond.title')}</h2>
      {onBehalf ? <p className="hint">{t('referrals.page.onBehalf')}</p> : null}
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="answer" />
        <RadioGroup
          name="decision"
          label={t('referrals.respond.decision.label')}
          defaultValue={failed?.values.decision}
          error={failed?.errors.decision}
          options={[
            { value: 'accepted', label: t('referrals.respond.accept') },
            { value: 'declined', label: t('referrals.respond.decline') },
          ]}
        />
        <TextArea
          name="responseNote"
          label={t('referrals.respond.note.label')}
          hint={t('referrals.respond.note.hint')}
          rows={3}
          defaultValue={failed?.values.responseNote}
          error={failed?.errors.responseNote}
        />
        <div>
          <button type="submit" className="button button--primary">
            {t('referrals.respond.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}

/** Marking an accepted referral done, with what came of it. */
export function CompleteForm({ onBehalf, failed }: { onBehalf: boolean; failed: Failed }) {
  const t = useT();
  return (
    <section aria-labelledby="rf-complete" className="section">
      <h2 id="rf-complete">{t('referrals.complete.title')}</h2>
      {onBehalf ? <p className="hint">{t('referrals.page.onBehalf')}</p> : null}
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="complete" />
        <DateField
          name="doneOn"
          label={t('referrals.complete.doneOn.label')}
          hint={t('referrals.complete.doneOn.hint')}
          defaultValue={failed?.values.doneOn}
          error={failed?.errors.doneOn}
        />
        <TextArea
          name="outcomeNote"
          label={t('referrals.complete.outcome.label')}
          required
          rows={3}
          defaultValue={failed?.values.outcomeNote}
          error={failed?.errors.outcomeNote}
        />
        <div>
          <button type="submit" className="button button--primary">
            {t('referrals.complete.submit')}
          </button>
        </div>
      </PostForm>
    </section>
  );
}
