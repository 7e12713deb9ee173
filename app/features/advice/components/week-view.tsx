import { Link } from 'react-router';
import { PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { addDays, warsawDate, warsawTime } from '../warsaw-time.ts';
import { kindLabel, type Slot } from './calendar-format.ts';

/** The week's slots as a list per day (readable by screen readers and on a phone). */
export function WeekView({
  week,
  slots,
  userId,
  localitySlug,
  personId,
  nextFree = null,
}: {
  week: string;
  slots: Slot[];
  userId: string;
  localitySlug: string;
  /** Booking for this person: kept in the links. */
  personId: string | null;
  /** The first free slot from now on, anywhere in the calendar. */
  nextFree?: string | Date | null;
}) {
  const i18n = useI18n();
  const { t, dateLong } = i18n;
  const days = Array.from({ length: 7 }, (_, i) => addDays(week, i));
  const now = Date.now();
  const base = `/app/${localitySlug}/advice/calendar`;
  const keep = personId ? `&person=${personId}` : '';
  return (
    <section aria-labelledby="cal-week" className="section">
      <h2 id="cal-week">{t('advice.calendar.week', { from: dateLong(days[0]), to: dateLong(days[6]) })}</h2>
      <nav className="advice-week-nav" aria-label={t('advice.calendar.weekNav')}>
        <Link to={`${base}?week=${addDays(week, -7)}${keep}`}>{t('advice.calendar.prevWeek')}</Link>
        <Link to={personId ? `${base}?person=${personId}` : base}>{t('advice.calendar.thisWeek')}</Link>
        <Link to={`${base}?week=${addDays(week, 7)}${keep}`}>{t('advice.calendar.nextWeek')}</Link>
      </nav>
      {nextFree && warsawDate(new Date(nextFree)) > days[6]! ? (
        <p className="advice-next-free">
          {t('advice.calendar.nextFree', { when: i18n.dateTime(new Date(nextFree).toISOString()) })}{' '}
          <Link to={`${base}?week=${warsawDate(new Date(nextFree))}${keep}`}>
            {t('advice.calendar.showThatWeek')}
          </Link>
        </p>
      ) : null}
      {days.map((day) => {
        const today = slots.filter((s) => warsawDate(new Date(s.startsAt)) === day);
        return (
          <div key={day} className="advice-day">
            <h3>{dateLong(day)}</h3>
            {today.length === 0 ? (
              <p className="hint">{t('advice.calendar.noSlots')}</p>
            ) : (
              <ul className="plain-list">
                {today.map((s) => {
                  const start = new Date(s.startsAt);
                  const end = new Date(start.getTime() + s.minutes * 60_000);
                  const state = s.cancelled ? 'cancelled' : s.appointmentId ? 'booked' : 'free';
                  return (
                    <li key={s.id} className={`advice-slot advice-slot--${state}`}>
                      <strong>
                        {warsawTime(start)}–{warsawTime(end)}
                      </strong>{' '}
                      {kindLabel(t, s.kind)}, {s.advisorName}
                      {s.place ? `, ${s.place}` : ''} —{' '}
                      {state === 'cancelled'
                        ? t('advice.calendar.cancelled')
                        : state === 'booked'
                          ? t('advice.calendar.bookedFor', { name: s.bookedFor ?? '—', topic: s.topic ?? '' })
                          : t('advice.calendar.free')}
                      {state === 'free' && start.getTime() > now ? (
                        <>
                          {' '}
                          <Link to={`?week=${week}${keep}&slot=${s.id}#book`}>
                            {t('advice.calendar.bookThis')}
                          </Link>
                        </>
                      ) : null}
                      {state !== 'cancelled' && s.advisorUserId === userId && start.getTime() > now ? (
                        <PostForm className="advice-inline-form">
                          <input type="hidden" name="intent" value="cancelSlot" />
                          <input type="hidden" name="slotId" value={s.id} />
                          <button type="submit" className="button button--small button--danger">
                            {t('advice.calendar.cancelSlot', { time: warsawTime(start) })}
                          </button>
                        </PostForm>
                      ) : null}
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        );
      })}
    </section>
  );
}
