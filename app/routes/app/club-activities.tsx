import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { activitiesBetween } from '../../features/club/activities.queries.server.ts';
import { saveActivity } from '../../features/club/activities.server.ts';
import type { ActivityKind } from '../../features/club/club.rules.ts';
import { activitySchema } from '../../features/club/club.schema.ts';
import { addDays, calendarRange } from '../../features/club/club-dates.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { warsawDateTime, warsawInstant } from '../../features/club/club-time.ts';
import { ActivityFields } from '../../features/club/components/activity-fields.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { dateInputValue, isIsoDate } from '../../lib/dates.ts';
import { parseForm } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run } from '../../lib/request.server.ts';
import type { Route } from './+types/club-activities';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, club, abilities, locality } = await loadClub(args);
    const url = new URL(args.request.url);
    const view = url.searchParams.get('view') === 'week' ? 'week' : 'month';
    const today = todayInWarsaw();
    const at = url.searchParams.get('at') ?? '';
    const anchor = isIsoDate(at) ? at : isIsoDate(`${at}-01`) ? `${at}-01` : today;
    const range = calendarRange(view, anchor);
    const activities = await activitiesBetween(db, {
      localityId: locality.localityId,
      clubId: club.id,
      from: warsawInstant(range.from),
      to: warsawInstant(addDays(range.to, 1)),
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name, premisesAddress: club.premisesAddress },
      view,
      range,
      activities: activities.map((a) => ({ ...a, day: warsawDateTime(a.startsAt).date })),
      today: dateInputValue(today),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const p = parseForm(form, activitySchema);
  if (!p.ok) return failure(form, p.errors);
  return handleForm(form, async () => {
    const id = await saveActivity(db, { ...ctx, clubId: club.id, input: p.data });
    return redirectWithFlash(args.context, `${base}/activities/${id}`, {
      kind: 'success',
      key: 'club.activities.added',
    });
  });
}

export default function ClubActivities({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateLong, locale } = useI18n();
  const { locality, club, abilities, view, range, activities, today } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/club/${club.id}`;
  const here = `${base}/activities`;
  const monthName = new Intl.DateTimeFormat(locale === 'pl' ? 'pl-PL' : 'en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${range.from}T12:00:00Z`));
  const caption =
    view === 'month'
      ? t('club.calendar.monthCaption', { month: monthName })
      : t('club.calendar.weekCaption', { from: date(range.from), to: date(range.to) });
  const days = [...new Set(activities.map((a) => a.day))];
  return (
    <>
      <PageHeader
        title={t('club.activities.title')}
        hasError={Boolean(failed)}
        lead={t('club.activities.lead')}
        breadcrumbs={<ClubNav locality={locality} club={club} abilities={abilities} current="activities" />}
        actions={
          <a href={`${base}/calendar.ics`} className="button button--secondary" download>
            {t('club.activities.ics')}
          </a>
        }
      />
      <nav aria-label={t('club.calendar.navLabel')} className="pagination">
        <Link rel="prev" to={`${here}?view=${view}&at=${range.prev}`}>
          {view === 'month' ? t('club.calendar.prevMonth') : t('club.calendar.prevWeek')}
        </Link>
        <span aria-current="page">{caption}</span>
        <Link rel="next" to={`${here}?view=${view}&at=${range.next}`}>
          {view === 'month' ? t('club.calendar.nextMonth') : t('club.calendar.nextWeek')}
        </Link>
        <Link to={`${here}?view=${view === 'month' ? 'week' : 'month'}&at=${range.from}`}>
          {view === 'month' ? t('club.calendar.showWeek') : t('club.calendar.showMonth')}
        </Link>
      </nav>
      <h2>{caption}</h2>
      {activities.length === 0 ? (
        <p>{t('club.calendar.empty')}</p>
      ) : (
        days.map((day) => (
          <section key={day} aria-labelledby={`d-${day}`} className="section">
            <h3 id={`d-${day}`}>{dateLong(day)}</h3>
            <ul className="plain-list">
              {activities
                .filter((a) => a.day === day)
                .map((a) => (
                  <li key={a.id}>
                    <span className="muted">
                      {warsawDateTime(a.startsAt).time}–{warsawDateTime(a.endsAt).time}
                    </span>{' '}
                    <Link to={`${here}/${a.id}`}>{a.title}</Link>
                    {' — '}
                    {t(`club.activity.kind.${a.kind as ActivityKind}`)}
                    {a.place ? `, ${a.place}` : ''}
                    {a.cancelled ? (
                      <>
                        {' '}
                        <strong className="overdue-flag">{t('club.activities.cancelledMark')}</strong>
                      </>
                    ) : a.present > 0 ? (
                      <span className="muted">
                        {' '}
                        · {t('club.activities.presentCount', { count: a.present })}
                      </span>
                    ) : null}
                  </li>
                ))}
            </ul>
          </section>
        ))
      )}
      {abilities.manage ? (
        <section aria-labelledby="add" className="section form-page">
          <details className="panel-details" open={Boolean(failed)}>
            <summary id="add">{t('club.activities.add')}</summary>
            <ErrorSummary errors={failed?.errors} />
            <PostForm className="stack">
              <RequiredNote />
              <ActivityFields
                values={
                  failed?.values ?? {
                    date: today,
                    place: club.premisesAddress,
                    startTime: '16:00',
                    endTime: '18:00',
                  }
                }
                errors={failed?.errors ?? {}}
              />
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('club.activities.submit')}
                </button>
              </div>
            </PostForm>
          </details>
        </section>
      ) : null}
    </>
  );
}
