import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ParticipantForm } from '../../features/participants/components/participant-form.tsx';
import {
  handleForm,
  readParticipant,
  requireReader,
} from '../../features/participants/participant-route.server.ts';
import { updateParticipant } from '../../features/participants/participants.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/participant-edit';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality, row } = await readParticipant(args, args.params.personId, 'edit');
    const p = row.participant;
    const values: Record<string, string> = {
      ...row.person,
      userId: '',
      registeredOn: dateInputValue(p.registeredOn),
      pesel: p.pesel,
      noPesel: p.noPesel ? 'on' : '',
      birthDate: dateInputValue(p.birthDate),
      sex: p.sex,
      gender: p.gender,
      education: p.education,
      disability: p.disability,
      foreignBackground: p.foreignBackground,
      thirdCountryNational: p.thirdCountryNational,
      minority: p.minority,
      homeless: p.homeless,
      otherDisadvantage: p.otherDisadvantage,
    };
    return {
      locality: { slug: locality.slug, name: locality.name },
      person: { id: row.person.id, name: `${row.person.givenName} ${row.person.familyName}` },
      values,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireReader(args));
  const form = await args.request.formData();
  const id = args.params.personId;
  return handleForm(form, async () => {
    await updateParticipant(services(args.context).db, {
      actor,
      locality,
      id,
      values: formValues(form),
      today: todayInWarsaw(),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/participants/${id}`, {
      kind: 'success',
      key: 'participants.saved',
    });
  });
}

export default function ParticipantEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, person, values } = loaderData;
  const base = `/app/${locality.slug}/participants`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('participants.edit.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('participants.list.title') },
              { to: `${base}/${person.id}`, label: person.name },
              { label: t('participants.edit.title') },
            ]}
          />
        }
      />
      <ParticipantForm
        values={failed?.values ?? values}
        errors={failed?.errors ?? {}}
        submitLabel={t('participants.edit.submit')}
        cancelTo={`${base}/${person.id}`}
      />
    </div>
  );
}
