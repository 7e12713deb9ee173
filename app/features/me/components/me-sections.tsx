import { Link } from 'react-router';
import { PostForm } from '../../../components/ui/form.tsx';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { AppointmentView } from '../../advice/appointments.server.ts';
import type { MyActivity, MyConsent, MyMembership, MyReferral } from '../me.server.ts';
import { spelledOut } from '../me-format.ts';

/** "wtorek, 1 grudnia 2026, godz. 10:00" in the reader's language. */
export function useWhen() {
  const { t, locale } = useI18n();
  return (iso: string) => t('me.when', spelledOut(locale, iso));
}

/** The participant's coming appointments and open requests, each with a big "cancel" button. */
export function MyAppointments({
  appointments,
  bookUrl,
}: {
  appointments: AppointmentView[];
  bookUrl: string;
}) {
  const { t } = useI18n();
  const when = useWhen();
  return (
    <section aria-labelledby="my-appointments" className="me-section">
      <h2 id="my-appointments">{t('me.appointments.title')}</h2>
      {appointments.length === 0 ? (
        <p>{t('me.appointments.none')}</p>
      ) : (
        <ul className="me-cards">
          {appointments.map((a) => (
            <li key={a.id} className="me-card">
              <h3>{t(`me.kind.${a.kind}` as MessageKey)}</h3>
              {a.status === 'booked' && a.startsAt ? (
                <>
                  <p className="me-when">{when(a.startsAt)}</p>
                  {a.advisorName ? <p>{t('me.appointments.with', { name: a.advisorName })}</p> : null}
                  {a.place ? <p>{t('me.appointments.place', { place: a.place })}</p> : null}
                </>
              ) : (
                <>
                  <p className="me-when">{t('me.appointments.waiting')}</p>
                  {a.preferredTimes ? (
                    <p>{t('me.appointments.preferred', { times: a.preferredTimes })}</p>
                  ) : null}
                </>
              )}
              {a.topic ? <p>{t('me.appointments.topic', { topic: a.topic })}</p> : null}
              <PostForm>
                <input type="hidden" name="intent" value="cancelAppointment" />
                <input type="hidden" name="appointmentId" value={a.id} />
                <button type="submit" className="button button--danger me-button">
                  {a.status === 'booked' ? t('me.appointments.cancel') : t('me.appointments.cancelRequest')}
                </button>
              </PostForm>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to={bookUrl} className="button button--primary me-button">
          {t('me.actions.book')}
        </Link>
      </p>
    </section>
  );
}

/** Club membership, the coming activities of the club and the activities attended lately. */
export function MyClub({
  memberships,
  upcoming,
  attended,
}: {
  memberships: MyMembership[];
  upcoming: MyActivity[];
  attended: MyActivity[];
}) {
  const { t, date } = useI18n();
  const when = useWhen();
  if (memberships.length === 0 && attended.length === 0) return null;
  return (
    <section aria-labelledby="my-club" className="me-section">
      <h2 id="my-club">{t('me.club.title')}</h2>
      <ul className="me-list">
        {memberships.map((m) => (
          <li key={`${m.clubName}${m.joinedOn}`}>
            {m.leftOn
              ? t('me.club.memberUntil', { club: m.clubName, from: date(m.joinedOn), to: date(m.leftOn) })
              : t('me.club.memberSince', { club: m.clubName, from: date(m.joinedOn) })}
          </li>
        ))}
      </ul>
      <h3>{t('me.club.upcoming')}</h3>
      {upcoming.length === 0 ? (
        <p>{t('me.club.upcomingNone')}</p>
      ) : (
        <ul className="me-cards">
          {upcoming.map((a) => (
            <li key={a.id} className="me-card">
              <h4>{a.title}</h4>
              <p className="me-when">{when(a.startsAt)}</p>
              {a.place ? <p>{t('me.appointments.place', { place: a.place })}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {attended.length ? (
        <>
          <h3>{t('me.club.attended')}</h3>
          <ul className="me-list">
            {attended.map((a) => (
              <li key={a.id}>
                {date(a.startsAt.slice(0, 10))} — {a.title} (
                {t(`me.club.status.${a.status ?? 'present'}` as MessageKey)})
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}

/** Referrals to other organisations: only where to and how it stands. */
export function MyReferrals({ referrals }: { referrals: MyReferral[] }) {
  const { t, date } = useI18n();
  if (referrals.length === 0) return null;
  return (
    <section aria-labelledby="my-referrals" className="me-section">
      <h2 id="my-referrals">{t('me.referrals.title')}</h2>
      <ul className="me-cards">
        {referrals.map((r) => (
          <li key={r.id} className="me-card">
            <h3>{r.toName}</h3>
            <p>
              {t('me.referrals.sent', { date: date(r.sentOn) })}
              {r.fromName ? ` ${t('me.referrals.from', { name: r.fromName })}` : ''}
            </p>
            <p className="me-when">{t(`me.referrals.status.${r.status}` as MessageKey)}</p>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the person agreed to (per purpose, with dates); a consent can be withdrawn with one button. */
export function MyConsents({ consents }: { consents: MyConsent[] }) {
  const { t, date } = useI18n();
  return (
    <section aria-labelledby="my-consents" className="me-section">
      <h2 id="my-consents">{t('me.consents.title')}</h2>
      <p>{t('me.consents.intro')}</p>
      {consents.length === 0 ? (
        <p>{t('me.consents.none')}</p>
      ) : (
        <ul className="me-cards">
          {consents.map((c) => {
            const purpose = t(`me.consents.purpose.${c.purpose}` as MessageKey);
            return (
              <li key={c.id} className="me-card">
                <h3>{c.organisationName ? `${purpose}: ${c.organisationName}` : purpose}</h3>
                <p>
                  {t(`me.consents.basis.${c.basis}` as MessageKey)} —{' '}
                  {t('me.consents.since', { date: date(c.givenOn) })}
                </p>
                {c.withdrawnOn ? (
                  <p className="me-when">{t('me.consents.withdrawnOn', { date: date(c.withdrawnOn) })}</p>
                ) : c.basis === 'consent' ? (
                  <PostForm>
                    <input type="hidden" name="intent" value="withdrawConsent" />
                    <input type="hidden" name="consentId" value={c.id} />
                    <button type="submit" className="button button--secondary me-button">
                      {t('me.consents.withdraw')}
                      <span className="visually-hidden">: {purpose}</span>
                    </button>
                  </PostForm>
                ) : (
                  <p className="hint">{t('me.consents.notWithdrawable')}</p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
