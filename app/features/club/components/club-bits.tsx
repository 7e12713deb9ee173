import type { OpeningHours } from '../../../../db/schema/club.ts';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { Weekday } from '../club.rules.ts';

/** Opening hours as a table a screen reader can read, one row per day the club is open. */
export function OpeningHoursTable({ hours, notes }: { hours: OpeningHours; notes: string }) {
  const { t } = useI18n();
  return (
    <>
      {hours.length === 0 ? (
        <p>{t('club.hours.none')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">{t('club.hours.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('club.hours.day')}</th>
                <th scope="col">{t('club.hours.time')}</th>
              </tr>
            </thead>
            <tbody>
              {hours.map((h) => (
                <tr key={h.weekday}>
                  <th scope="row">{t(`club.weekday.${h.weekday as Weekday}`)}</th>
                  <td>{t('club.hours.range', { opens: h.opens, closes: h.closes })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {notes ? <p className="pre-line">{notes}</p> : null}
    </>
  );
}

/** A note that a legal parameter the page relies on has not been verified against the act. */
export function UnverifiedNote({ parameter }: { parameter: { verified: boolean; source: string } | null }) {
  const { t } = useI18n();
  if (!parameter || parameter.verified) return null;
  return <p className="notice">{t('club.law.unverified', { source: parameter.source })}</p>;
}

/** Where the register entry stands against its deadline, in words (overdue said plainly). */
export function RegisterDeadlineText({
  deadline,
}: {
  deadline: {
    due: string;
    state: 'entered_on_time' | 'entered_late' | 'waiting' | 'overdue';
    days: number;
  } | null;
}) {
  const { t, dateLong } = useI18n();
  if (!deadline) return <p>{t('club.register.notNotified')}</p>;
  const values = { date: dateLong(deadline.due), count: deadline.days };
  switch (deadline.state) {
    case 'waiting':
      return <p>{t('club.register.deadline.waiting', values)}</p>;
    case 'overdue':
      return (
        <div className="warning-box" role="status">
          <p>
            <strong>{t('club.register.deadline.overdueTitle')}</strong>
          </p>
          <p>{t('club.register.deadline.overdue', values)}</p>
        </div>
      );
    case 'entered_late':
      return <p>{t('club.register.deadline.enteredLate', values)}</p>;
    default:
      return <p>{t('club.register.deadline.enteredOnTime', values)}</p>;
  }
}
