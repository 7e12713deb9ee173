import { Form, Link } from 'react-router';
import { DateField, ErrorSummary, PostForm, SelectField, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { PersonFields } from '../../features/club/components/person-fields.tsx';
import {
  kindLabel,
  scheduleText,
  statusLabel,
  validityText,
  weekdayOptions,
} from '../../features/education/groups/components/labels.tsx';
import { groupDetail, searchPeopleForGroup } from '../../features/education/groups/groups.queries.server.ts';
import { nextMeetingDate } from '../../features/education/groups/groups.rules.ts';
import {
  addFacilitator,
  addMember,
  addNewMember,
  addSession,
  removeFacilitator,
  removeMember,
  updateSchedule,
} from '../../features/education/groups/groups.server.ts';
import { failure, handleForm, loadGroup } from '../../features/education/groups/groups-route.server.ts';
import { personFields } from '../../features/people/person.schema.ts';
import { dateInputValue, parseDateInput } from '../../lib/dates.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run } from '../../lib/request.server.ts';
import type { Route } from './+types/education-group';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const c = await loadGroup(args);
    const url = new URL(args.request.url);
    const q = (url.searchParams.get('q') ?? '').slice(0, 100);
    const [g, found] = await Promise.all([
      groupDetail(c.db, c, c.group.id),
      q ? searchPeopleForGroup(c.db, c, c.group.id, q) : Promise.resolve([]),
    ]);
    const today = todayInWarsaw();
    const now = new Date().toISOString();
    const next = g.sessions.find(
      (s) => !s.cancelled && new Date(s.startsAt).getTime() + s.minutes * 60_000 >= Date.parse(now),
    );
    return {
      nextSessionId: next?.id ?? null,
      locality: { slug: c.locality.slug, name: c.locality.name },
      staff: c.staff,
      group: g,
      q,
      found,
      today,
      nextDate: nextMeetingDate(g, today),
    };
  });
}

type Intent =
  | 'addMember'
  | 'addNewMember'
  | 'removeMember'
  | 'addFacilitator'
  | 'removeFacilitator'
  | 'addSession'
  | 'schedule';

export async function action(args: Route.ActionArgs) {
  const c = await run(() => loadGroup(args));
  const form = await args.request.formData();
  const v = formValues(form);
  const intent = (v.intent ?? '') as Intent;
  const ctx = { actor: c.actor, locality: c.locality, groupId: c.group.id };
  const done = (key: Parameters<typeof redirectWithFlash>[2]['key'], to = c.base) =>
    redirectWithFlash(args.context, to, { kind: 'success', key });
  return handleForm(form, async () => {
    switch (intent) {
      case 'addMember':
        await addMember(c.db, {
          ...ctx,
          personId: v.personId ?? '',
          joinedOn: parseDateInput(v.joinedOn ?? '') ?? todayInWarsaw(),
        });
        return done('education.groups.member.added');
      case 'addNewMember':
        await addNewMember(c.db, { ...ctx, person: personFields(v), joinedOn: v.joinedOn ?? '' });
        return done('education.groups.member.added');
      case 'removeMember':
        await removeMember(c.db, { ...ctx, memberId: v.memberId ?? '' });
        return done('education.groups.member.removed');
      case 'addFacilitator':
        await addFacilitator(c.db, { ...ctx, personId: v.personId ?? '', role: v.role ?? 'lead' });
        return done('education.groups.facilitator.added');
      case 'removeFacilitator':
        await removeFacilitator(c.db, { ...ctx, personId: v.personId ?? '' });
        return done('education.groups.facilitator.removed');
      case 'addSession': {
        const id = await addSession(c.db, {
          ...ctx,
          values: {
            startsOn: v.startsOn ?? '',
            startsAt: v.startsAt ?? '',
            minutes: v.minutes ?? '',
            place: v.place ?? '',
            moduleIds: form.getAll('moduleIds').map(String),
          },
        });
        return done('education.sessions.created', `${c.base}/sessions/${id}`);
      }
      case 'schedule':
        await updateSchedule(c.db, {
          ...ctx,
          values: {
            scheduleWeekday: v.scheduleWeekday ?? '',
            scheduleTime: v.scheduleTime ?? '',
            scheduleMinutes: v.scheduleMinutes ?? '',
            scheduleEveryWeeks: v.scheduleEveryWeeks ?? '',
            place: v.place ?? '',
          },
        });
        return done('education.groups.schedule.saved');
      default:
        return failure(form, { _form: 'education.groups.form.invalid' });
    }
  });
}

export default function EducationGroup({ loaderData, actionData }: Route.ComponentProps) {
  const { t, date, dateTime, number } = useI18n();
  const { locality, group: g, staff, q, found, today, nextDate, nextSessionId } = loaderData;
  const base = `/app/${locality.slug}/education/groups/${g.id}`;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const current = g.members.filter((m) => !m.leftOn);
  const sessionForm = f('addSession');
  const newPerson = f('addNewMember');
  const scheduleForm = f('schedule');
  return (
    <>
      <PageHeader
        title={g.name}
        hasError={Boolean(failed)}
        lead={`${kindLabel(t, g.kind)} · ${statusLabel(t, g.status)}`}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/education/groups`, label: t('education.groups.list.title') },
              { label: g.name },
            ]}
          />
        }
        actions={
          nextSessionId ? (
            <Link to={`${base}/sessions/${nextSessionId}`} className="button button--primary">
              {t('education.groups.takeAttendance')}
            </Link>
          ) : null
        }
      />
      {failed && !['addSession', 'addNewMember', 'schedule'].includes(failed.intent) ? (
        <ErrorSummary errors={failed.errors} />
      ) : null}

      <section
        className={
          g.validity.valid ? 'notice group-validity group-validity--ok' : 'warning-box group-validity'
        }
        aria-labelledby="validity-title"
      >
        <h2 id="validity-title">{t('education.groups.validity.title')}</h2>
        <p>{validityText(t, g.validity, number)}</p>
      </section>

      <section aria-labelledby="about-title">
        <h2 id="about-title">{t('education.groups.about')}</h2>
        <dl className="summary-list">
          <div>
            <dt>{t('education.groups.field.programme')}</dt>
            <dd>{g.curriculumName ?? '—'}</dd>
          </div>
          {g.clubName ? (
            <div>
              <dt>{t('education.groups.field.club')}</dt>
              <dd>{g.clubName}</dd>
            </div>
          ) : null}
          <div>
            <dt>{t('education.groups.field.dates')}</dt>
            <dd>
              {date(g.startsOn)} – {g.endsOn ? date(g.endsOn) : '…'}
            </dd>
          </div>
          <div>
            <dt>{t('education.groups.field.schedule')}</dt>
            <dd>{scheduleText(t, g)}</dd>
          </div>
          <div>
            <dt>{t('education.groups.field.place')}</dt>
            <dd>{g.place || '—'}</dd>
          </div>
        </dl>
        <details open={Boolean(scheduleForm)}>
          <summary>{t('education.groups.schedule.edit')}</summary>
          <PostForm>
            <input type="hidden" name="intent" value="schedule" />
            <ErrorSummary errors={scheduleForm?.errors} />
            <div className="field-row">
              <SelectField
                name="scheduleWeekday"
                label={t('education.groups.field.weekday')}
                defaultValue={scheduleForm?.values.scheduleWeekday ?? String(g.scheduleWeekday ?? '')}
                error={scheduleForm?.errors.scheduleWeekday}
                emptyLabel={t('education.groups.schedule.irregular')}
                options={weekdayOptions(t)}
              />
              <TextField
                name="scheduleTime"
                width="short"
                label={t('education.groups.field.time')}
                hint={t('education.groups.field.timeHint')}
                defaultValue={scheduleForm?.values.scheduleTime ?? g.scheduleTime}
                error={scheduleForm?.errors.scheduleTime}
              />
              <TextField
                name="scheduleMinutes"
                width="short"
                inputMode="numeric"
                label={t('education.groups.field.minutes')}
                defaultValue={scheduleForm?.values.scheduleMinutes ?? String(g.scheduleMinutes)}
                error={scheduleForm?.errors.scheduleMinutes}
              />
              <TextField
                name="scheduleEveryWeeks"
                width="short"
                inputMode="numeric"
                label={t('education.groups.field.everyWeeks')}
                defaultValue={scheduleForm?.values.scheduleEveryWeeks ?? String(g.scheduleEveryWeeks)}
                error={scheduleForm?.errors.scheduleEveryWeeks}
              />
            </div>
            <TextField
              name="place"
              label={t('education.groups.field.place')}
              defaultValue={scheduleForm?.values.place ?? g.place}
              error={scheduleForm?.errors.place}
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('education.groups.schedule.save')}
              </button>
            </div>
          </PostForm>
        </details>
        <p className="group-files">
          <a href={`${base}/attendance.xlsx`}>{t('education.attendance.xlsx.download')}</a>
          {' · '}
          <a href={`${base}/calendar.ics`}>{t('education.groups.calendar')}</a>
        </p>
      </section>

      <section aria-labelledby="fac-title">
        <h2 id="fac-title">{t('education.groups.facilitators')}</h2>
        {g.facilitators.length === 0 ? (
          <p>{t('education.groups.facilitator.none')}</p>
        ) : (
          <ul className="plain-list">
            {g.facilitators.map((p) => (
              <li key={p.personId}>
                {p.name}
                {p.qualified ? ` · ${t('education.groups.facilitator.qualified')}` : ''}
                {staff ? (
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="removeFacilitator" />
                    <input type="hidden" name="personId" value={p.personId} />
                    <button type="submit" className="button button--secondary button--small">
                      {t('education.groups.remove')}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </PostForm>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('education.groups.members', { count: current.length })}</h2>
        {g.members.length === 0 ? (
          <p>{t('education.groups.member.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('education.groups.member.caption', { group: g.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('education.groups.member.name')}</th>
                  <th scope="col">{t('education.groups.member.joinedOn')}</th>
                  <th scope="col">{t('education.groups.member.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {g.members.map((m) => (
                  <tr key={m.id}>
                    <th scope="row">{m.name}</th>
                    <td data-label={t('education.groups.member.joinedOn')}>
                      {date(m.joinedOn)}
                      {m.leftOn ? ` · ${t('education.groups.member.left', { date: date(m.leftOn) })}` : ''}
                    </td>
                    <td data-label={t('education.groups.member.actions')}>
                      {m.leftOn ? null : (
                        <PostForm className="inline-form">
                          <input type="hidden" name="intent" value="removeMember" />
                          <input type="hidden" name="memberId" value={m.id} />
                          <button type="submit" className="button button--secondary button--small">
                            {t('education.groups.remove')}
                            <span className="visually-hidden"> {m.name}</span>
                          </button>
                        </PostForm>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3>{t('education.groups.member.addTitle')}</h3>
        <Form method="get" className="filter-bar" role="search">
          <div className="filter-bar__field">
            <label htmlFor="f-personId">{t('education.groups.member.search')}</label>
            <input id="f-personId" name="q" type="search" defaultValue={q} className="input input--medium" />
          </div>
          <button type="submit" className="button button--secondary">
            {t('education.groups.member.searchSubmit')}
          </button>
        </Form>
        {q ? (
          found.length === 0 ? (
            <p role="status">{t('education.groups.member.notFound', { q })}</p>
          ) : (
            <ul className="plain-list group-found" aria-label={t('education.groups.member.found')}>
              {found.map((p) => (
                <li key={p.id}>
                  <span>{p.name}</span>
                  <PostForm className="inline-form">
                    <input type="hidden" name="intent" value="addMember" />
                    <input type="hidden" name="personId" value={p.id} />
                    <input type="hidden" name="joinedOn" value={today} />
                    <button type="submit" className="button button--secondary">
                      {t('education.groups.member.add')}
                      <span className="visually-hidden"> {p.name}</span>
                    </button>
                  </PostForm>
                  {staff ? (
                    <PostForm className="inline-form">
                      <input type="hidden" name="intent" value="addFacilitator" />
                      <input type="hidden" name="personId" value={p.id} />
                      <button type="submit" className="button button--secondary button--small">
                        {t('education.groups.facilitator.add')}
                        <span className="visually-hidden"> {p.name}</span>
                      </button>
                    </PostForm>
                  ) : null}
                </li>
              ))}
            </ul>
          )
        ) : null}
        <details open={Boolean(newPerson)}>
          <summary>{t('education.groups.member.newPerson')}</summary>
          <PostForm>
            <input type="hidden" name="intent" value="addNewMember" />
            <ErrorSummary errors={newPerson?.errors} />
            <PersonFields values={newPerson?.values ?? {}} errors={newPerson?.errors ?? {}} />
            <DateField
              name="joinedOn"
              label={t('education.groups.member.joinedOn')}
              defaultValue={newPerson?.values.joinedOn ?? dateInputValue(today)}
              error={newPerson?.errors.joinedOn}
              required
            />
            <div className="actions">
              <button type="submit" className="button button--primary">
                {t('education.groups.member.addNew')}
              </button>
            </div>
          </PostForm>
        </details>
      </section>

      <section aria-labelledby="sessions-title">
        <h2 id="sessions-title">{t('education.sessions.title')}</h2>
        {g.sessions.length === 0 ? (
          <p>{t('education.sessions.none')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('education.sessions.caption', { count: g.sessions.length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('education.sessions.when')}</th>
                  <th scope="col">{t('education.sessions.minutesCol')}</th>
                  <th scope="col">{t('education.sessions.modules')}</th>
                  <th scope="col">{t('education.sessions.attendance')}</th>
                </tr>
              </thead>
              <tbody>
                {g.sessions.map((s) => (
                  <tr key={s.id}>
                    <th scope="row">
                      <Link to={`${base}/sessions/${s.id}`}>{dateTime(s.startsAt)}</Link>
                      {s.cancelled ? ` · ${t('education.sessions.cancelled')}` : ''}
                    </th>
                    <td data-label={t('education.sessions.minutesCol')}>{s.minutes}</td>
                    <td data-label={t('education.sessions.modules')}>{s.modules.join('; ') || '—'}</td>
                    <td data-label={t('education.sessions.attendance')}>
                      {s.marked
                        ? t('education.sessions.presentOf', { present: s.present, marked: s.marked })
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <h3 id="new-session">{t('education.sessions.addTitle')}</h3>
        <PostForm aria-labelledby="new-session">
          <input type="hidden" name="intent" value="addSession" />
          <ErrorSummary errors={sessionForm?.errors} />
          <div className="field-row">
            <DateField
              name="startsOn"
              label={t('education.sessions.date')}
              defaultValue={sessionForm?.values.startsOn ?? dateInputValue(nextDate)}
              error={sessionForm?.errors.startsOn}
              required
            />
            <TextField
              name="startsAt"
              width="short"
              label={t('education.sessions.time')}
              hint={t('education.groups.field.timeHint')}
              defaultValue={sessionForm?.values.startsAt ?? g.scheduleTime}
              error={sessionForm?.errors.startsAt}
              required
            />
            <TextField
              name="minutes"
              width="short"
              inputMode="numeric"
              label={t('education.groups.field.minutes')}
              defaultValue={sessionForm?.values.minutes ?? String(g.scheduleMinutes)}
              error={sessionForm?.errors.minutes}
              required
            />
          </div>
          <TextField
            name="place"
            label={t('education.sessions.place')}
            defaultValue={sessionForm?.values.place ?? g.place}
            error={sessionForm?.errors.place}
          />
          {g.modules.length ? (
            <fieldset className="fieldset" id="f-moduleIds">
              <legend>{t('education.sessions.modules')}</legend>
              {g.modules.map((m) => (
                <div className="checkbox" key={m.id}>
                  <input type="checkbox" id={`nm-${m.id}`} name="moduleIds" value={m.id} />
                  <label htmlFor={`nm-${m.id}`}>
                    {m.position}. {m.title}
                  </label>
                </div>
              ))}
            </fieldset>
          ) : null}
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('education.sessions.add')}
            </button>
          </div>
        </PostForm>
      </section>
    </>
  );
}
