import { ErrorSummary } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { AttendanceSection } from '../../features/meetings/components/attendance-section.tsx';
import { DecisionsSection } from '../../features/meetings/components/decisions-section.tsx';
import { InviteesSection } from '../../features/meetings/components/invitees-section.tsx';
import { CancelMeeting, MeetingDetails } from '../../features/meetings/components/meeting-details.tsx';
import { MinutesSection } from '../../features/meetings/components/minutes-section.tsx';
import type { MeetingFailure } from '../../features/meetings/components/types.ts';
import {
  type Attendance,
  type MeetingStatus,
  meetingStage,
  warsawParts,
} from '../../features/meetings/meeting.rules.ts';
import { meetingAction } from '../../features/meetings/meeting-action.server.ts';
import { meetingWhen } from '../../features/meetings/meeting-format.ts';
import { meetingForPage } from '../../features/meetings/meeting-route.server.ts';
import { canSeeInviteeEmails } from '../../features/meetings/meetings.policy.ts';
import {
  listDecisions,
  listMemberContacts,
  listParticipants,
  listProgrammeActions,
} from '../../features/meetings/meetings.queries.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { requireActor, run } from '../../lib/request.server.ts';
import type { Route } from './+types/meeting';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, db, partnership, meeting: m, canManage } = await meetingForPage(args);
    const status = m.status as MeetingStatus;
    const stage = meetingStage({ status, startsAt: m.startsAt }, new Date());
    const scope = { localityId: locality.localityId, partnershipId: partnership.id };
    const [participants, decisions, actions, members] = await Promise.all([
      listParticipants(db, { localityId: locality.localityId, meetingId: m.id }),
      listDecisions(db, { localityId: locality.localityId, meetingId: m.id }),
      canManage ? listProgrammeActions(db, scope) : Promise.resolve([]),
      canManage ? listMemberContacts(db, scope) : Promise.resolve([]),
    ]);
    const showEmails = canSeeInviteeEmails(actor, locality);
    const task = new URL(args.request.url).searchParams.get('task');
    const start = warsawParts(m.startsAt);
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
      meeting: {
        id: m.id,
        title: m.title,
        startsAt: m.startsAt.toISOString(),
        endsAt: m.endsAt.toISOString(),
        place: m.place,
        agenda: m.agenda,
        minutes: m.minutes,
        status,
        icsSequence: m.icsSequence,
        version: m.version,
      },
      formValues: {
        title: m.title,
        date: dateInputValue(start.date),
        startTime: start.time,
        endTime: warsawParts(m.endsAt).time,
        place: m.place,
        agenda: m.agenda,
      },
      stage,
      canManage,
      showEmails,
      participants: participants.map((p) => ({
        id: p.id,
        organisationId: p.organisationId,
        organisationName: p.organisationName,
        name: p.name,
        email: showEmails ? p.email : '',
        hasEmail: p.email !== '',
        invitedAt: p.invitedAt?.toISOString() ?? null,
        attendance: (p.attendance as Attendance | null) ?? null,
      })),
      decisions,
      actions,
      members,
      openTaskFor: task && decisions.some((d) => d.id === task) ? task : null,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireActor(args, { locality: args.params.locality }));
  return meetingAction({
    request: args.request,
    context: args.context,
    actor,
    locality,
    partnershipId: args.params.partnershipId,
    meetingId: args.params.meetingId,
  });
}

export default function Meeting({ loaderData, actionData }: Route.ComponentProps) {
  const { t, locale } = useI18n();
  const { locality, partnership, meeting: m, stage, canManage, participants } = loaderData;
  const failed: MeetingFailure | null = actionData && !actionData.ok ? actionData : null;
  const partnershipUrl = `/app/${locality.slug}/partnerships/${partnership.id}`;
  const page = `${partnershipUrl}/meetings/${m.id}`;
  // A refused form that is no longer on the page (the meeting was cancelled, held or moved in
  // another tab meanwhile) still says why, at the top.
  const recording = canManage && stage.canRecord;
  const formShown: Record<string, boolean> = {
    attendance: recording,
    walkIn: recording,
    minutes: recording,
    markHeld: recording,
    addDecision: recording,
    createTask:
      recording &&
      loaderData.actions.length > 0 &&
      loaderData.decisions.some((d) => d.id === failed?.decisionId),
    addInvitee: canManage && stage.canEdit,
    addPerson: canManage && stage.canEdit,
    update: canManage && stage.canEdit,
    cancel: canManage && stage.canCancel,
  };
  const orphan = failed && formShown[failed.intent] === false ? failed : null;
  return (
    <>
      <PageHeader
        title={m.title}
        hasError={Boolean(failed)}
        lead={`${meetingWhen(locale, m.startsAt, m.endsAt)}${m.place ? ` · ${m.place}` : ''}`}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/partnerships`, label: t('partnerships.list.title') },
              { to: partnershipUrl, label: partnership.name },
              { to: `${partnershipUrl}/meetings`, label: t('meetings.list.title') },
              { label: m.title },
            ]}
          />
        }
        actions={
          canManage ? (
            <>
              <a href={`${page}/attendance.pdf`} className="button button--secondary" download>
                {t('meetings.attendanceList.download')}
              </a>
              <a href={`${page}/meeting.ics`} className="button button--secondary" download>
                {t('meetings.ics.download')}
              </a>
            </>
          ) : undefined
        }
      />
      {orphan ? <ErrorSummary errors={orphan.errors} /> : null}
      {m.status === 'cancelled' ? <p className="warning-box">{t('meetings.cancelledNotice')}</p> : null}
      <MeetingDetails
        meeting={m}
        formValues={loaderData.formValues}
        stage={stage}
        canManage={canManage}
        failed={failed}
      />
      <InviteesSection
        participants={participants}
        members={loaderData.members}
        stage={stage}
        canManage={canManage}
        showEmails={loaderData.showEmails}
        updated={m.icsSequence > 0}
        attendanceColumn={!(canManage && stage.canRecord)}
        failed={failed}
      />
      {canManage && stage.canRecord ? (
        <AttendanceSection participants={participants} members={loaderData.members} failed={failed} />
      ) : null}
      <MinutesSection minutes={m.minutes} stage={stage} canManage={canManage} failed={failed} />
      <DecisionsSection
        decisions={loaderData.decisions}
        actions={loaderData.actions}
        members={loaderData.members}
        stage={stage}
        canManage={canManage}
        openTaskFor={
          failed?.intent === 'createTask' && failed.decisionId ? failed.decisionId : loaderData.openTaskFor
        }
        programmeUrl={`${partnershipUrl}/programme`}
        failed={failed}
      />
      {canManage && stage.canCancel ? (
        <CancelMeeting invited={participants.filter((p) => p.invitedAt).length} failed={failed} />
      ) : null}
    </>
  );
}
