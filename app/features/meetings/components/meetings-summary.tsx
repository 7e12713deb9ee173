import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { meetingWhen } from '../meeting-format.ts';

/** The partnership page's meetings section: the next meeting and the way to all of them. */
export function MeetingsSummarySection({
  next,
  href,
}: {
  next: { id: string; title: string; startsAt: Date | string; endsAt: Date | string; place: string } | null;
  /** The partnership's meetings list. */
  href: string;
}) {
  const { t, locale } = useI18n();
  return (
    <section aria-labelledby="meetings" className="section">
      <h2 id="meetings">{t('meetings.partnership.title')}</h2>
      {next ? (
        <p>
          <Link to={`${href}/${next.id}`}>
            {t('meetings.partnership.next', {
              title: next.title,
              when: meetingWhen(locale, next.startsAt, next.endsAt),
            })}
          </Link>
          {next.place ? <span className="muted"> · {next.place}</span> : null}
        </p>
      ) : (
        <p>{t('meetings.partnership.none')}</p>
      )}
      <p>
        <Link to={href}>{t('meetings.partnership.all')}</Link>
      </p>
    </section>
  );
}
