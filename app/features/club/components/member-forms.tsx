import { CsrfInput, DateField, ErrorSummary, PostForm, SelectField } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { OUTCOMES } from '../club.rules.ts';
import type { ActionFailure } from '../club-route.server.ts';

type Props = { failed: ActionFailure | null; today: string };

/** Leaving the club: the day, the outcome and (if issued at once) the certificate. */
export function LeaveForm({ failed, today }: Props) {
  const { t } = useI18n();
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  return (
    <details className="panel-details" open={Boolean(f('leave'))}>
      <summary>{t('club.members.leave.title')}</summary>
      <ErrorSummary errors={f('leave')?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="leave" />
        <DateField
          name="leftOn"
          label={t('club.members.leftOn.label')}
          defaultValue={f('leave')?.values.leftOn ?? today}
          error={f('leave')?.errors.leftOn}
        />
        <SelectField
          name="outcome"
          label={t('club.members.outcome.label')}
          emptyLabel={t('club.members.outcome.choose')}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`club.outcome.${o}`) }))}
          defaultValue={f('leave')?.values.outcome}
          error={f('leave')?.errors.outcome}
        />
        <DateField
          name="certificateIssuedOn"
          label={t('club.members.certificate.label')}
          hint={t('club.members.certificate.hint')}
          defaultValue={f('leave')?.values.certificateIssuedOn}
          error={f('leave')?.errors.certificateIssuedOn}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('club.members.leave.submit')}
          </button>
        </div>
      </PostForm>
    </details>
  );
}

/** The day the completion certificate was issued (art. 18 ust. 5a). */
export function CertificateForm({ failed, today, open }: Props & { open: boolean }) {
  const { t } = useI18n();
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  return (
    <details className="panel-details" open={Boolean(f('certificate')) || open}>
      <summary>{t('club.members.certificate.record')}</summary>
      <ErrorSummary errors={f('certificate')?.errors} />
      <PostForm className="stack">
        <input type="hidden" name="intent" value="certificate" />
        <DateField
          name="certificateIssuedOn"
          label={t('club.members.certificate.label')}
          defaultValue={f('certificate')?.values.certificateIssuedOn ?? today}
          error={f('certificate')?.errors.certificateIssuedOn}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('club.members.certificate.submit')}
          </button>
        </div>
      </PostForm>
    </details>
  );
}

/** Erasing a person's data (the coordinator's decision), confirmed by a tick. */
export function EraseForm({ failed, name }: { failed: ActionFailure | null; name: string }) {
  const { t } = useI18n();
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  return (
    <details className="panel-details" open={Boolean(f('erase'))}>
      <summary>{t('club.people.erase.title')}</summary>
      <ErrorSummary errors={f('erase')?.errors} />
      <form method="post" className="stack">
        <CsrfInput />
        <input type="hidden" name="intent" value="erase" />
        <p>{t('club.people.erase.warning')}</p>
        <div className={f('erase')?.errors.confirm ? 'field field--error' : 'field'} id="f-confirm">
          <div className="checkbox">
            <input type="checkbox" id="f-confirm-input" name="confirm" value="yes" />
            <label htmlFor="f-confirm-input">{t('club.people.erase.confirm', { name })}</label>
          </div>
        </div>
        <div className="actions">
          <button type="submit" className="button button--danger">
            {t('club.people.erase.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}
