import { ErrorSummary, PostForm } from '../../../components/ui/form.tsx';
import { useT } from '../../../components/ui/i18n-context.tsx';
import type { FieldErrors } from '../../../lib/forms.ts';

/**
 * On the staff participant page: invite the person to sign in and see their own matters
 * (posts intent 'inviteSelfService'; handled by handleSelfServiceIntent).
 */
export function SelfServiceInviteSection({
  hasAccount,
  hasEmail,
  failed,
}: {
  hasAccount: boolean;
  hasEmail: boolean;
  /** The page's failed form, if any; shown here when it was this one. */
  failed?: { intent: string; errors: FieldErrors } | null;
}) {
  const t = useT();
  const mine = failed?.intent === 'inviteSelfService' ? failed : null;
  return (
    <section aria-labelledby="self-service-title" id="self-service" className="section">
      <h2 id="self-service-title">{t('me.invite.title')}</h2>
      {hasAccount ? (
        <p>{t('me.invite.hasAccountInfo')}</p>
      ) : (
        <>
          <p className="hint">{t('me.invite.intro')}</p>
          {mine ? <ErrorSummary errors={mine.errors} /> : null}
          {hasEmail ? (
            <PostForm>
              <input type="hidden" name="intent" value="inviteSelfService" />
              <button type="submit" className="button button--secondary">
                {t('me.invite.submit')}
              </button>
            </PostForm>
          ) : (
            <p>{t('me.invite.noEmail')}</p>
          )}
        </>
      )}
    </section>
  );
}
