import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { OrganisationForm } from '../../features/organisations/components/organisation-form.tsx';
import { canManageDirectory } from '../../features/organisations/organisation.policy.ts';
import { handleOrganisationForm } from '../../features/organisations/organisation-form-action.server.ts';
import { getOrganisation } from '../../features/organisations/organisations.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/organisation-edit';

async function guard(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageDirectory(r.actor, r.locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
  return r;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await guard(args);
    const org = await getOrganisation(services(args.context).db, {
      localityId: locality.localityId,
      id: args.params.organisationId,
    });
    if (!org) throw new AppError('NOT_FOUND', 'errors.404.body');
    return {
      locality: { slug: locality.slug, name: locality.name },
      org: {
        id: org.id,
        name: org.name,
        kind: org.kind,
        legalForm: org.legalForm,
        nip: org.nip ?? '',
        regon: org.regon ?? '',
        krs: org.krs ?? '',
        street: org.street,
        houseNo: org.houseNo,
        flatNo: org.flatNo,
        postalCode: org.postalCode,
        city: org.city,
        phone: org.phone,
        email: org.email,
        website: org.website,
        notes: org.notes,
        version: String(org.version),
      },
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => guard(args));
  return handleOrganisationForm({
    request: args.request,
    context: args.context,
    actor,
    locality,
    id: args.params.organisationId,
  });
}

export default function OrganisationEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, org } = loaderData;
  const base = `/app/${locality.slug}/organisations`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('organisations.edit.title', { name: org.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('organisations.list.title') },
              { to: `${base}/${org.id}`, label: org.name },
              { label: t('organisations.edit.crumb') },
            ]}
          />
        }
      />
      <OrganisationForm
        values={failed?.values ?? org}
        errors={failed?.errors}
        similar={failed?.similar}
        directory={base}
        cancelTo={`${base}/${org.id}`}
        submitLabel={t('organisations.edit.submit')}
      />
    </div>
  );
}
