import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ParticipantAdvice } from '../participant-advice.server.ts';

/**
 * The advice part of a participant's page: upcoming appointments, the newest sessions (notes
 * already blanked by the server for readers who may not see confidential ones) and links to
 * record a session and to book a slot for this person.
 */
export function AdviceSection({
  advice,
  localitySlug,
  personId,
  canRecord,
}: {
  advice: ParticipantAdvice;
  localitySlug: string;
  personId: string;
  canRecord: boolean;
}) {
  const { t, date, dateTime, number } = useI18n();
  const base = `/app/${localitySlug}/advice`;
  return (
    <section aria-labelledby="pp-advice" className="section" id="advice">
      <h2 id="pp-advice">{t('advice.section.title')}</h2>
      <h3>{t('advice.section.upcoming')}</h3>
      {advice.upcoming.length === 0 ? (
        <p>{t('advice.section.noUpcoming')}</p>
      ) : (
        <ul className="plain-list">
          {advice.upcoming.map((a) => (
            <li key={a.id}>
              <strong>{a.startsAt ? dateTime(a.startsAt) : t('advice.status.requested')}</strong> —{' '}
              {t(`advice.kind.${a.kind}` as 'advice.kind.legal')}
              {a.advisorName ? `, ${a.advisorName}` : ''}
              {a.place ? `, ${a.place}` : ''}
              {a.topic ? `: ${a.topic}` : ''}
              {a.status === 'requested' && a.preferredTimes
                ? ` (${t('advice.requests.preferred', { times: a.preferredTimes })})`
                : ''}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('advice.section.sessions')}</h3>
      {advice.sessions.length === 0 ? (
        <p>{t('advice.section.noSessions')}</p>
      ) : (
        <ul className="plain-list">
          {advice.sessions.map((s) => (
            <li key={s.id}>
              <Link to={`${base}/${s.id}`}>{date(s.givenOn)}</Link> —{' '}
              {t(`advice.kind.${s.kind}` as 'advice.kind.legal')}, {s.topic} (
              {t('advice.section.minutes', { count: s.minutes, minutes: number(s.minutes) })}
              {s.advisorName ? `, ${s.advisorName}` : ''})
              {s.notesHidden ? (
                <p className="hint">{t('advice.session.notesHidden')}</p>
              ) : s.notes ? (
                <p className="pre-line">{s.notes}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <p className="actions">
        {canRecord ? (
          <Link to={`${base}/new?person=${personId}`} className="button button--secondary">
            {t('advice.section.record')}
          </Link>
        ) : null}
        <Link to={`${base}/calendar?person=${personId}#book`} className="button button--secondary">
          {t('advice.section.book')}
        </Link>
      </p>
    </section>
  );
}
