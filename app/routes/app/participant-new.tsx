import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ParticipantForm } from '../../features/participants/components/participant-form.tsx';
import { handleForm, requireReader } from '../../features/participants/participant-route.server.ts';
import { registerParticipant } from '../../features/participants/participants.server.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/participant-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireReader(args);
    return { locality: { slug: locality.slug, name: locality.name } };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireReader(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await registerParticipant(services(args.context).db, {
      actor,
      locality,
      values: formValues(form),
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/participants/${id}`, {
      kind: 'success',
      key: 'participants.created',
    });
  });
}

export default function ParticipantNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality } = loaderData;
  const base = `/app/${locality.slug}/participants`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('participants.new.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('participants.list.title') },
              { label: t('participants.new.title') },
            ]}
          />
        }
      />
      <ParticipantForm
        values={failed?.values ?? {}}
        errors={failed?.errors ?? {}}
        submitLabel={t('participants.new.submit')}
        cancelTo={base}
      />
    </div>
  );
}
