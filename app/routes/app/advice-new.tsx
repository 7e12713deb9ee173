import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { handleForm, requireAdvisor } from '../../features/advice/advice-route.server.ts';
import { SessionForm, type SessionFormTarget } from '../../features/advice/components/session-form.tsx';
import { organisationChoices, personName } from '../../features/advice/sessions.queries.server.ts';
import { recordSession } from '../../features/advice/sessions.server.ts';
import { auditParticipantRead } from '../../features/participants/participants.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/advice-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireAdvisor(args);
    const db = services(args.context).db;
    const url = new URL(args.request.url);
    const personId = url.searchParams.get('person');
    const organisationId = url.searchParams.get('organisation');
    let target: SessionFormTarget;
    if (personId) {
      const person = await personName(db, { localityId: locality.localityId, personId });
      if (!person) throw new AppError('NOT_FOUND', 'errors.404.body');
      await auditParticipantRead(db, { actor, locality, id: person.id, purpose: 'advice' });
      target = { type: 'person', id: person.id, name: person.name };
    } else if (organisationId) {
      const [org] = await organisationChoices(db, { localityId: locality.localityId, ids: [organisationId] });
      if (!org) throw new AppError('NOT_FOUND', 'errors.404.body');
      target = { type: 'organisation', id: org.id, name: org.name };
    } else {
      target = {
        type: 'choose',
        organisations: await organisationChoices(db, { localityId: locality.localityId }),
      };
    }
    return {
      locality: { slug: locality.slug, name: locality.name },
      target,
      today: dateInputValue(todayInWarsaw()),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireAdvisor(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await recordSession(services(args.context).db, {
      actor,
      locality,
      values: formValues(form),
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/advice/${id}`, {
      kind: 'success',
      key: 'advice.session.created',
    });
  });
}

export default function AdviceNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, target, today } = loaderData;
  const base = `/app/${locality.slug}/advice`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('advice.new.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('advice.list.title') },
              { label: t('advice.new.title') },
            ]}
          />
        }
      />
      <SessionForm
        target={target}
        values={failed?.values ?? { givenOn: today, minutes: '60' }}
        errors={failed?.errors ?? {}}
        submitLabel={t('advice.new.submit')}
        cancelTo={base}
      />
    </div>
  );
}
