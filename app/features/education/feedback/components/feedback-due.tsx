import { Link } from 'react-router';
import { useI18n } from '../../../../components/ui/i18n-context.tsx';
import type { PendingFeedback } from '../feedback.queries.server.ts';
import { feedbackUrl } from '../feedback.rules.ts';

/** "How was the session?" links for a participant's own page (nothing when there is nothing to rate). */
export function FeedbackDue({ localitySlug, items }: { localitySlug: string; items: PendingFeedback[] }) {
  const { t, dateTime } = useI18n();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="feedback-due" className="section">
      <h2 id="feedback-due">{t('education.feedback.due.title')}</h2>
      <ul className="feedback-due">
        {items.map((s) => (
          <li key={s.sessionId}>
            <Link to={feedbackUrl(localitySlug, s.sessionId)} className="button button--secondary">
              {t('education.feedback.due.link', { group: s.groupName, date: dateTime(s.startsAt) })}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
