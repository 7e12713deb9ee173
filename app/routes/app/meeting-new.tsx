import { data } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { MeetingForm } from '../../features/meetings/components/meeting-form.tsx';
import { createMeeting } from '../../features/meetings/manage-meeting.server.ts';
import { meetingSchema } from '../../features/meetings/meeting.schema.ts';
import { partnershipForMeetings } from '../../features/meetings/meeting-route.server.ts';
import { AppError } from '../../lib/errors.ts';
import { type FormFailure, formValues, parseForm } from '../../lib/forms.ts';
import { redirectWithFlash, run, throwAppError } from '../../lib/request.server.ts';
import type { Route } from './+types/meeting-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, partnership } = await partnershipForMeetings(args, { manage: true });
    return {
      locality: { slug: locality.slug, name: locality.name },
      partnership: { id: partnership.id, name: partnership.name },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality, db, partnership } = await run(() =>
    partnershipForMeetings(args, { manage: true }),
  );
  const form = await args.request.formData();
  const parsed = parseForm(form, meetingSchema);
  if (!parsed.ok) return data<FormFailure>(parsed, { status: 400 });
  try {
    const id = await createMeeting(db, {
      actor,
      locality,
      partnershipId: partnership.id,
      input: parsed.data,
    });
    return redirectWithFlash(
      args.context,
      `/app/${locality.slug}/partnerships/${partnership.id}/meetings/${id}`,
      { kind: 'success', key: 'meetings.created' },
    );
  } catch (error) {
    if (error instanceof AppError && error.code === 'DOMAIN_RULE')
      return data<FormFailure>(
        { ok: false, errors: error.fieldErrors, values: formValues(form) },
        { status: error.status },
      );
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export default function MeetingNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, partnership } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const partnershipUrl = `/app/${locality.slug}/partnerships/${partnership.id}`;
  const title = t('meetings.new.title');
  return (
    <>
      <PageHeader
        title={title}
        hasError={Boolean(failed)}
        lead={partnership.name}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/partnerships`, label: t('partnerships.list.title') },
              { to: partnershipUrl, label: partnership.name },
              { to: `${partnershipUrl}/meetings`, label: t('meetings.list.title') },
              { label: title },
            ]}
          />
        }
      />
      <div className="narrow">
        <MeetingForm
          values={failed?.values ?? { startTime: '17:00', endTime: '19:00' }}
          errors={failed?.errors}
          submitLabel={t('meetings.new.submit')}
        />
      </div>
    </>
  );
}
