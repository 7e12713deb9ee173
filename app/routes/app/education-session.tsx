import { Link } from 'react-router';
import { ErrorSummary, PostForm } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { sessionSheet } from '../../features/education/groups/groups.queries.server.ts';
import { ATTENDANCE_STATUSES } from '../../features/education/groups/groups.schema.ts';
import { recordAttendance, setSessionCancelled } from '../../features/education/groups/groups.server.ts';
import {
  failure,
  handleForm,
  loadGroup,
  requireGroupsReader,
} from '../../features/education/groups/groups-route.server.ts';
import { warsawParts } from '../../features/meetings/meeting.rules.ts';
import { AppError } from '../../lib/errors.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/education-session';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const c = await loadGroup(args);
    const sheet = await sessionSheet(c.db, c, c.group.id, args.params.sessionId);
    if (!sheet) throwAppError(new AppError('NOT_FOUND', 'errors.404.body'));
    const start = new Date(sheet.startsAt);
    const end = new Date(start.getTime() + sheet.minutes * 60_000);
    return {
      locality: { slug: c.locality.slug, name: c.locality.name },
      group: { id: c.group.id, name: c.group.name },
      sheet,
      when: { date: warsawParts(start).date, from: warsawParts(start).time, to: warsawParts(end).time },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  // No group lookup first: recordAttendance checks the session, the group, the locality and the
  // actor's right in its one select (the whole POST stays within a handful of SQL statements).
  const c = await run(() => requireGroupsReader(args));
  const form = await args.request.formData();
  const intent = String(form.get('intent') ?? 'attendance');
  const { groupId, sessionId } = args.params;
  const here = `/app/${c.locality.slug}/education/groups/${groupId}/sessions/${sessionId}`;
  const ctx = { actor: c.actor, locality: c.locality };
  return handleForm(form, async () => {
    if (intent === 'cancel' || intent === 'restore') {
      await setSessionCancelled(c.db, { ...ctx, groupId, sessionId, cancelled: intent === 'cancel' });
      return redirectWithFlash(args.context, here, {
        kind: 'success',
        key: intent === 'cancel' ? 'education.sessions.cancelledFlash' : 'education.sessions.restoredFlash',
      });
    }
    if (intent !== 'attendance') return failure(form, { _form: 'education.attendance.invalid' });
    const statuses: Record<string, string> = {};
    for (const [k, v] of form.entries())
      if (k.startsWith('a_') && typeof v === 'string' && v !== '') statuses[k.slice(2)] = v;
    await recordAttendance(c.db, {
      ...ctx,
      groupId,
      sessionId,
      statuses,
      moduleIds: form.has('modulesShown') ? form.getAll('moduleIds').map(String) : undefined,
    });
    return redirectWithFlash(args.context, here, { kind: 'success', key: 'education.attendance.saved' });
  });
}

const LABELS = {
  present: 'education.attendance.status.present',
  absent: 'education.attendance.status.absent',
  excused: 'education.attendance.status.excused',
} as const;

export default function EducationSession({ loaderData, actionData }: Route.ComponentProps) {
  const { t, dateLong } = useI18n();
  const { locality, group, sheet: s, when } = loaderData;
  const base = `/app/${locality.slug}/education/groups/${group.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const sent = failed?.intent === 'attendance' || failed?.intent === '' ? failed.values : null;
  const title = t('education.attendance.title', { date: dateLong(when.date) });
  return (
    <div className="attendance-page">
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        lead={`${group.name} · ${when.from}–${when.to}${s.place ? ` · ${s.place}` : ''}`}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}/education/groups`, label: t('education.groups.list.title') },
              { to: base, label: group.name },
              { label: title },
            ]}
          />
        }
      />
      {s.cancelled ? (
        <p className="warning-box">{t('education.attendance.cancelled')}</p>
      ) : s.members.length === 0 ? (
        <p>{t('education.attendance.noMembers')}</p>
      ) : (
        <PostForm className="attendance-form">
          <input type="hidden" name="intent" value="attendance" />
          <ErrorSummary errors={failed?.errors} />
          <p className="hint">{t('education.attendance.hint', { count: s.members.length })}</p>
          {s.members.map((m) => {
            const current = sent ? (sent[`a_${m.id}`] ?? '') : (m.status ?? '');
            return (
              <fieldset className="attendance-row" key={m.id}>
                <legend>{m.name}</legend>
                <div className="attendance-row__choices">
                  {ATTENDANCE_STATUSES.map((status) => (
                    <label className={`attendance-choice attendance-choice--${status}`} key={status}>
                      <input
                        type="radio"
                        name={`a_${m.id}`}
                        value={status}
                        defaultChecked={current === status}
                      />
                      <span>{t(LABELS[status])}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            );
          })}
          {s.modules.length ? (
            <fieldset className="fieldset attendance-modules" id="f-moduleIds">
              <legend>{t('education.sessions.modulesCovered')}</legend>
              <input type="hidden" name="modulesShown" value="1" />
              {s.modules.map((m) => {
                const checked = m.covered;
                return (
                  <div className="checkbox" key={m.id}>
                    <input
                      type="checkbox"
                      id={`sm-${m.id}`}
                      name="moduleIds"
                      value={m.id}
                      defaultChecked={checked}
                    />
                    <label htmlFor={`sm-${m.id}`}>{m.title}</label>
                  </div>
                );
              })}
            </fieldset>
          ) : null}
          <div className="actions attendance-form__submit">
            <button type="submit" className="button button--primary">
              {t('education.attendance.submit')}
            </button>
          </div>
        </PostForm>
      )}
      <section aria-labelledby="session-more">
        <h2 id="session-more">{t('education.sessions.more')}</h2>
        <p>
          <a href={`${base}/sessions/${s.id}/attendance.pdf`}>{t('education.attendance.pdf.download')}</a>
          {' · '}
          <Link to={base}>{t('education.sessions.backToGroup')}</Link>
        </p>
        <PostForm className="inline-form">
          <input type="hidden" name="intent" value={s.cancelled ? 'restore' : 'cancel'} />
          <button type="submit" className="button button--secondary">
            {s.cancelled ? t('education.sessions.restore') : t('education.sessions.cancel')}
          </button>
        </PostForm>
      </section>
    </div>
  );
}
