import { Link } from 'react-router';
import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { handleForm, notifyFrom, requireCalendarUser } from '../../features/advice/advice-route.server.ts';
import { calendarAction, loadCalendar } from '../../features/advice/calendar.server.ts';
import {
  BookForm,
  CreateSlotsForm,
  OrganisationAppointments,
  RequestForm,
  RequestsList,
} from '../../features/advice/components/calendar-parts.tsx';
import { WeekView } from '../../features/advice/components/week-view.tsx';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/advice-calendar';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireCalendarUser(args);
    const calendar = await loadCalendar(services(args.context).db, {
      actor,
      locality,
      url: new URL(args.request.url),
    });
    return { locality: { slug: locality.slug, name: locality.name }, calendar };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireCalendarUser(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const r = await calendarAction(services(args.context).db, {
      actor,
      locality,
      form,
      notify: notifyFrom(args),
    });
    const back = new URL(args.request.url);
    return redirectWithFlash(args.context, back.pathname + back.search, {
      kind: 'success',
      key: r.flash,
      ...(r.values ? { values: r.values } : {}),
    });
  });
}

export default function AdviceCalendar({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, calendar: c } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const f = (intent: string) => (failed?.intent === intent ? failed : null);
  const general =
    failed && !['book', 'request', 'createSlots', 'answer'].includes(failed.intent) ? failed : null;
  return (
    <>
      <PageHeader
        title={t('advice.calendar.title')}
        lead={t(c.staff ? 'advice.calendar.leadStaff' : 'advice.calendar.leadPartner')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              ...(c.staff ? [{ to: `/app/${locality.slug}/advice`, label: t('advice.list.title') }] : []),
              { label: t('advice.calendar.title') },
            ]}
          />
        }
      />
      {general ? <ErrorSummary errors={general.errors} /> : null}
      {c.staff ? (
        <>
          <WeekView
            week={c.week}
            slots={c.slots}
            userId={c.userId}
            localitySlug={locality.slug}
            personId={c.forPerson?.id ?? null}
            nextFree={c.freeSlots[0]?.startsAt ?? null}
          />
          <BookForm
            slots={c.freeSlots}
            organisations={c.organisations}
            forPerson={c.forPerson}
            failed={f('book')}
            staff
          />
          <RequestsList requests={c.requests} freeSlots={c.freeSlots} failed={f('answer')} />
          {c.isAdvisor ? <CreateSlotsForm failed={f('createSlots')} /> : null}
          {!c.forPerson ? (
            <p className="section">
              <Link to={`/app/${locality.slug}/participants`}>{t('advice.calendar.forParticipantHint')}</Link>
            </p>
          ) : null}
        </>
      ) : c.organisations.length === 0 ? (
        <p className="notice">{t('advice.calendar.noOrganisation')}</p>
      ) : (
        <>
          <BookForm
            slots={c.freeSlots}
            organisations={c.organisations}
            forPerson={null}
            failed={f('book')}
            staff={false}
          />
          <RequestForm organisations={c.organisations} failed={f('request')} />
          <OrganisationAppointments appointments={c.appointments} />
        </>
      )}
    </>
  );
}
