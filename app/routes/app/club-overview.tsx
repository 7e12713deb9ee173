import { Link } from 'react-router';
import { CsrfInput, ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { activitiesBetween } from '../../features/club/activities.queries.server.ts';
import { fteText } from '../../features/club/club.labels.ts';
import { clubCounts, listStaff } from '../../features/club/club.queries.server.ts';
import { registerDeadline, type StaffBasis } from '../../features/club/club.rules.ts';
import { addDays } from '../../features/club/club-dates.ts';
import { registerEntryDays } from '../../features/club/club-parameters.server.ts';
import { handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { warsawInstant } from '../../features/club/club-time.ts';
import { ActivityList } from '../../features/club/components/activity-list.tsx';
import {
  OpeningHoursTable,
  RegisterDeadlineText,
  UnverifiedNote,
} from '../../features/club/components/club-bits.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { deleteClub } from '../../features/club/manage-club.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-overview';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args);
    const today = todayInWarsaw();
    const scope = { localityId: locality.localityId, clubId: club.id };
    const [staff, counts, upcoming, registerDays] = await Promise.all([
      listStaff(db, scope),
      clubCounts(db, { ...scope, today }),
      activitiesBetween(db, {
        ...scope,
        from: new Date(),
        to: warsawInstant(addDays(today, 61)),
        limit: 5,
      }),
      club.registerNotifiedOn ? registerEntryDays(db, club.registerNotifiedOn) : Promise.resolve(null),
    ]);
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: {
        id: club.id,
        name: club.name,
        runByName: club.runBy?.name ?? null,
        premisesAddress: club.premisesAddress,
        providerName: club.providerName,
        premisesLent: club.premisesLent,
        premisesMonthlyValuePln: club.premisesMonthlyValuePln,
        premisesFrom: club.premisesFrom,
        premisesTo: club.premisesTo,
        openingHours: club.openingHours,
        openingNotes: club.openingNotes,
        openedOn: club.openedOn,
        registerNumber: club.registerNumber,
      },
      staff: staff.filter((s) => !s.toDate || s.toDate >= today),
      counts: abilities.manage ? counts : { ...counts, missingCertificates: 0 },
      upcoming,
      register: {
        deadline: registerDays
          ? registerDeadline({
              notifiedOn: club.registerNotifiedOn,
              enteredOn: club.registerEnteredOn,
              days: registerDays.days,
              today,
            })
          : null,
        parameter: registerDays,
      },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, locality } = await run(() => loadClub(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await deleteClub(db, { ...ctx, clubId: club.id, confirmed: form.get('confirm') === 'yes' });
    return redirectWithFlash(args.context, `/app/${locality.slug}/club`, {
      kind: 'success',
      key: 'club.deleted',
    });
  });
}

export default function ClubOverview({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateLong, money } = useI18n();
  const { locality, club, abilities, staff, counts, upcoming, register } = loaderData;
  const failed = actionData && 'ok' in actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/club/${club.id}`;
  return (
    <>
      <PageHeader
        title={club.name}
        hasError={Boolean(failed)}
        lead={club.runByName ? t('club.list.runBy', { name: club.runByName }) : undefined}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="overview" />}
      />
      {counts.missingCertificates > 0 ? (
        <div className="warning-box" role="status">
          <h2>{t('club.certificates.missingTitle')}</h2>
          <p>{t('club.certificates.missing', { count: counts.missingCertificates })}</p>
          {abilities.seeMembers ? (
            <p>
              <Link to={`${base}/members?filter=left`}>{t('club.certificates.review')}</Link>
            </p>
          ) : null}
        </div>
      ) : null}

      <div className="grid grid--2-1">
        <div>
          <section aria-labelledby="premises" className="section">
            <h2 id="premises">{t('club.premises.title')}</h2>
            {club.premisesAddress ? (
              <dl className="summary-list">
                <div>
                  <dt>{t('club.premises.address.label')}</dt>
                  <dd>{club.premisesAddress}</dd>
                </div>
                <div>
                  <dt>{t('club.premises.provider.label')}</dt>
                  <dd>{club.providerName ?? '—'}</dd>
                </div>
                <div>
                  <dt>{t('club.premises.lent.label')}</dt>
                  <dd>
                    {club.premisesLent
                      ? t('club.premises.lent.yesValue', {
                          value: club.premisesMonthlyValuePln
                            ? money(Number(club.premisesMonthlyValuePln))
                            : '—',
                        })
                      : t('club.premises.lent.no')}
                  </dd>
                </div>
                <div>
                  <dt>{t('club.premises.period')}</dt>
                  <dd>
                    {!club.premisesFrom
                      ? '—'
                      : club.premisesTo
                        ? `${date(club.premisesFrom)} – ${date(club.premisesTo)}`
                        : t('club.premises.since', { date: date(club.premisesFrom) })}
                  </dd>
                </div>
              </dl>
            ) : (
              <p>{t('club.premises.none')}</p>
            )}
          </section>

          <section aria-labelledby="hours" className="section">
            <h2 id="hours">{t('club.hours.title')}</h2>
            <OpeningHoursTable hours={club.openingHours} notes={club.openingNotes} />
          </section>

          <section aria-labelledby="upcoming" className="section">
            <h2 id="upcoming">{t('club.activities.upcoming')}</h2>
            <ActivityList activities={upcoming} base={base} empty={t('club.activities.noneUpcoming')} />
            <p>
              <Link to={`${base}/activities`}>{t('club.activities.openCalendar')}</Link>
              {' · '}
              <a href={`${base}/calendar.ics`} download>
                {t('club.activities.ics')}
              </a>
            </p>
          </section>
        </div>

        <div>
          <section aria-labelledby="members" className="section panel">
            <h2 id="members">{t('club.members.title')}</h2>
            <p className="figure">{t('club.members.active', { count: counts.active })}</p>
            <p>{t('club.members.joinedThisYear', { count: counts.joinedThisYear })}</p>
            <p>{t('club.members.leftThisYear', { count: counts.leftThisYear })}</p>
            {abilities.seeMembers ? (
              <p>
                <Link to={`${base}/members`}>{t('club.members.open')}</Link>
              </p>
            ) : (
              <p className="muted">{t('club.members.noPersonalData')}</p>
            )}
          </section>

          <section aria-labelledby="staff" className="section">
            <h2 id="staff">{t('club.staff.title')}</h2>
            {staff.length === 0 ? (
              <p>{t('club.staff.none')}</p>
            ) : (
              <ul className="plain-list">
                {staff.map((s) => (
                  <li key={s.id}>
                    <strong>{s.name}</strong>, {t(`club.staff.role.${s.role as 'animator'}`)}
                    <br />
                    <span className="muted">
                      {t(`club.staff.basis.${s.basis as StaffBasis}`)}, {fteText(t, s.fte)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </section>

          <section aria-labelledby="register" className="section">
            <h2 id="register">{t('club.register.title')}</h2>
            {club.registerNumber ? (
              <p>{t('club.register.numberShown', { number: club.registerNumber })}</p>
            ) : null}
            {club.openedOn ? <p>{t('club.register.openedOn', { date: dateLong(club.openedOn) })}</p> : null}
            <RegisterDeadlineText deadline={register.deadline} />
            <UnverifiedNote parameter={register.parameter} />
            <p>
              <Link to={`${base}/register`}>{t('club.register.open')}</Link>
            </p>
          </section>
        </div>
      </div>

      {abilities.delete ? (
        <section aria-labelledby="delete" className="section">
          <h2 id="delete">{t('club.delete.title')}</h2>
          <details className="panel-details" open={Boolean(failed)}>
            <summary>{t('club.delete.open')}</summary>
            <ErrorSummary errors={failed?.errors} />
            <form method="post" className="stack">
              <CsrfInput />
              <p>{t('club.delete.warning')}</p>
              <div className={failed?.errors.confirm ? 'field field--error' : 'field'} id="f-confirm">
                <div className="checkbox">
                  <input type="checkbox" id="f-confirm-input" name="confirm" value="yes" />
                  <label htmlFor="f-confirm-input">{t('club.delete.confirm', { name: club.name })}</label>
                </div>
              </div>
              <div className="actions">
                <button type="submit" className="button button--danger">
                  {t('club.delete.submit')}
                </button>
              </div>
            </form>
          </details>
        </section>
      ) : null}
    </>
  );
}
