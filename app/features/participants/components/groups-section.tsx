import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { PersonGroups } from '../groups.server.ts';

/** The participant page's "Grupy i klub" section: club memberships and the latest activities. */
export function GroupsSection({ groups, localitySlug }: { groups: PersonGroups; localitySlug: string }) {
  const { t, date, dateTime } = useI18n();
  const club = `/app/${localitySlug}/club`;
  return (
    <section aria-labelledby="pp-groups" id="groups" className="section">
      <h2 id="pp-groups">{t('participants.groups.title')}</h2>
      {groups.studyGroups.length > 0 ? (
        <>
          <h3>{t('participants.groups.education')}</h3>
          <ul>
            {groups.studyGroups.map((g) => (
              <li key={g.groupId}>
                <Link to={`/app/${localitySlug}/education/groups/${g.groupId}`}>{g.name}</Link> (
                {t(`participants.groups.kind.${g.kind}` as MessageKey)}) —{' '}
                {t('participants.groups.sessionsAttended', { count: g.present })}
              </li>
            ))}
          </ul>
          <h3>{t('participants.groups.club')}</h3>
        </>
      ) : null}
      {groups.memberships.length === 0 ? (
        <p>{t('participants.groups.none')}</p>
      ) : (
        <ul>
          {groups.memberships.map((m) => (
            <li key={`${m.clubId}-${m.joinedOn}`}>
              <Link to={`${club}/${m.clubId}`}>{m.clubName}</Link>
              {' — '}
              {m.leftOn
                ? t('participants.groups.memberFromTo', { from: date(m.joinedOn), to: date(m.leftOn) })
                : t('participants.groups.memberSince', { from: date(m.joinedOn) })}
              {m.socialContract ? ` (${t('participants.groups.socialContract')})` : ''}
            </li>
          ))}
        </ul>
      )}
      {groups.attended.length > 0 ? (
        <>
          <h3>{t('participants.groups.activities', { count: groups.presentCount })}</h3>
          <ul>
            {groups.attended.map((a) => (
              <li key={a.activityId}>
                <Link to={`${club}/${a.clubId}/activities/${a.activityId}`}>{a.title}</Link>,{' '}
                {dateTime(a.startsAt)} — {t(`club.attendance.${a.status}` as MessageKey)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
