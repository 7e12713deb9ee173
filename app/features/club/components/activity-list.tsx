import { Link } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { ActivityKind } from '../club.rules.ts';
import { warsawDateTime } from '../club-time.ts';

export type ActivityItem = {
  id: string;
  title: string;
  kind: string;
  startsAt: Date | string;
  endsAt: Date | string;
  place: string;
  cancelled: boolean;
  present: number;
};

/** When an activity takes place, in Warsaw time: "3.12.2026, 16:00–18:00". */
export function useActivityWhen() {
  const { date } = useI18n();
  return (a: { startsAt: Date | string; endsAt: Date | string }) => {
    const s = warsawDateTime(a.startsAt);
    const e = warsawDateTime(a.endsAt);
    return `${date(s.date)}, ${s.time}–${e.time}`;
  };
}

/** Activities as a list: when, what (linked), kind, place; cancelled ones say so in words. */
export function ActivityList({
  activities,
  base,
  empty,
  showAttendance = false,
}: {
  activities: ActivityItem[];
  base: string;
  empty: string;
  showAttendance?: boolean;
}) {
  const { t } = useI18n();
  const when = useActivityWhen();
  if (activities.length === 0) return <p>{empty}</p>;
  return (
    <ul className="plain-list">
      {activities.map((a) => (
        <li key={a.id}>
          <span className="muted">{when(a)}</span>
          <br />
          <Link to={`${base}/activities/${a.id}`}>{a.title}</Link>
          {' — '}
          {t(`club.activity.kind.${a.kind as ActivityKind}`)}
          {a.place ? `, ${a.place}` : ''}
          {a.cancelled ? (
            <>
              {' '}
              <strong className="overdue-flag">{t('club.activities.cancelledMark')}</strong>
            </>
          ) : null}
          {showAttendance && !a.cancelled && a.present > 0 ? (
            <span className="muted"> · {t('club.activities.presentCount', { count: a.present })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
