import { useLocation } from 'react-router';
import { CsrfInput, ErrorSummary, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { attendanceSheet, getActivity } from '../../features/club/activities.queries.server.ts';
import {
  recordAttendance,
  saveActivity,
  setActivityCancelled,
} from '../../features/club/activities.server.ts';
import { type ActivityKind, attendanceFromForm } from '../../features/club/club.rules.ts';
import { activitySchema } from '../../features/club/club.schema.ts';
import { failure, handleForm, loadClub } from '../../features/club/club-route.server.ts';
import { warsawDateTime } from '../../features/club/club-time.ts';
import { ActivityFields } from '../../features/club/components/activity-fields.tsx';
import { useActivityWhen } from '../../features/club/components/activity-list.tsx';
import { AttendanceForm } from '../../features/club/components/attendance-form.tsx';
import { ClubNav } from '../../features/club/components/club-nav.tsx';
import { auditMembersRead } from '../../features/club/members.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/club-activity';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db, ctx, club, abilities, locality } = await loadClub(args);
    const scope = { localityId: locality.localityId, clubId: club.id };
    const a = await getActivity(db, { ...scope, activityId: args.params.activityId });
    if (!a) throw new AppError('NOT_FOUND', 'errors.404.body');
    const start = warsawDateTime(a.startsAt);
    let sheet: Awaited<ReturnType<typeof attendanceSheet>> = [];
    if (abilities.seeMembers) {
      sheet = await attendanceSheet(db, { ...scope, activityId: a.id, day: start.date });
      await auditMembersRead(db, { ...ctx, clubId: club.id, what: 'attendance', entityId: a.id });
    }
    return {
      locality: { slug: locality.slug, name: locality.name },
      abilities,
      club: { id: club.id, name: club.name },
      activity: a,
      started: new Date(a.startsAt) <= new Date(),
      sheet,
      formValues: {
        title: a.title,
        kind: a.kind,
        date: dateInputValue(start.date),
        startTime: start.time,
        endTime: warsawDateTime(a.endsAt).time,
        place: a.place,
        leaderName: a.leaderName,
        description: a.description,
      },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { db, ctx, club, base } = await run(() => loadClub(args, 'manage'));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? '');
  const activityId = args.params.activityId;
  const here = `${base}/activities/${activityId}`;
  const done = (
    key:
      | 'club.activities.saved'
      | 'club.activities.cancelled'
      | 'club.activities.restored'
      | 'club.attendance.saved',
  ) => redirectWithFlash(args.context, here, { kind: 'success', key });
  return handleForm(form, async () => {
    switch (intent) {
      case 'update': {
        const p = parseForm(form, activitySchema);
        if (!p.ok) return failure(form, p.errors);
        await saveActivity(db, { ...ctx, clubId: club.id, activityId, input: p.data });
        return done('club.activities.saved');
      }
      case 'cancel':
      case 'restore':
        await setActivityCancelled(db, {
          ...ctx,
          clubId: club.id,
          activityId,
          cancelled: intent === 'cancel',
        });
        return done(intent === 'cancel' ? 'club.activities.cancelled' : 'club.activities.restored');
      case 'attendance': {
        const marks = attendanceFromForm(formValues(form));
        if (marks.invalid) throw new AppError('BAD_REQUEST', 'club.attendance.invalid');
        await recordAttendance(db, { ...ctx, clubId: club.id, activityId, ...marks, now: new Date() });
        return done('club.attendance.saved');
      }
      default:
        throwAppError(new AppError('BAD_REQUEST', 'errors.400.body'));
    }
  });
}

export default function ClubActivity({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  // Each navigation (a saved form) closes the folded forms and gives them fresh fields.
  const { key: navigation } = useLocation();
  const { locality, club, abilities, activity: a, sheet, started } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const when = useActivityWhen();
  // A refused attendance form whose table is no longer shown (the activity was cancelled or
  // moved meanwhile) still says why, here at the top.
  const attendanceShown = abilities.seeMembers && !a.cancelled && started && sheet.length > 0;
  return (
    <>
      <PageHeader
        title={a.title}
        hasError={Boolean(failed)}
        lead={when(a)}
        breadcrumbs={
          <ClubNav
            locality={locality}
            club={club}
            abilities={abilities}
            current="activities"
            trail={[{ label: a.title }]}
          />
        }
      />
      {attendanceShown ? null : <ErrorSummary errors={f('attendance')?.errors} />}
      {a.cancelled ? <p className="warning-box">{t('club.activities.isCancelled')}</p> : null}
      <dl className="summary-list">
        <div>
          <dt>{t('club.activities.kind.label')}</dt>
          <dd>{t(`club.activity.kind.${a.kind as ActivityKind}`)}</dd>
        </div>
        <div>
          <dt>{t('club.activities.place.label')}</dt>
          <dd>{a.place || '—'}</dd>
        </div>
        <div>
          <dt>{t('club.activities.leader.shown')}</dt>
          <dd>{a.leaderName || '—'}</dd>
        </div>
        {a.description ? (
          <div>
            <dt>{t('club.activities.description.shown')}</dt>
            <dd className="pre-line">{a.description}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t('club.attendance.title')}</dt>
          <dd>
            {t('club.attendance.summary', { present: a.present, absent: a.absent, excused: a.excused })}
          </dd>
        </div>
      </dl>

      {abilities.seeMembers && !a.cancelled ? (
        <section aria-labelledby="attendance" className="section">
          <h2 id="attendance">{t('club.attendance.title')}</h2>
          {!started ? <p className="notice">{t('club.attendance.notYet')}</p> : null}
          {sheet.length === 0 ? (
            <p>{t('club.attendance.noMembers')}</p>
          ) : started ? (
            <AttendanceForm
              title={a.title}
              sheet={sheet}
              errors={f('attendance')?.errors}
              values={f('attendance')?.values}
            />
          ) : null}
        </section>
      ) : null}

      {abilities.manage ? (
        <section aria-labelledby="manage" className="section form-page">
          <h2 id="manage">{t('club.activities.manage')}</h2>
          <form method="post" className="inline-form">
            <CsrfInput />
            <input type="hidden" name="intent" value={a.cancelled ? 'restore' : 'cancel'} />
            <button
              type="submit"
              className={a.cancelled ? 'button button--secondary' : 'button button--danger'}
            >
              {a.cancelled ? t('club.activities.restore') : t('club.activities.cancel')}
            </button>
          </form>
          <details key={`update-${navigation}`} className="panel-details" open={Boolean(f('update'))}>
            <summary>{t('club.activities.edit')}</summary>
            <ErrorSummary errors={f('update')?.errors} />
            <PostForm className="stack">
              <input type="hidden" name="intent" value="update" />
              <ActivityFields
                values={f('update')?.values ?? loaderData.formValues}
                errors={f('update')?.errors ?? {}}
              />
              <div className="actions">
                <button type="submit" className="button button--primary">
                  {t('club.activities.save')}
                </button>
              </div>
            </PostForm>
          </details>
        </section>
      ) : null}
    </>
  );
}
