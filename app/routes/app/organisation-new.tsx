import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { OrganisationForm } from '../../features/organisations/components/organisation-form.tsx';
import { canManageDirectory } from '../../features/organisations/organisation.policy.ts';
import { handleOrganisationForm } from '../../features/organisations/organisation-form-action.server.ts';
import { AppError } from '../../lib/errors.ts';
import { requireActor, run } from '../../lib/request.server.ts';
import type { Route } from './+types/organisation-new';

async function guard(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireActor(args, { locality: args.params.locality });
  if (!canManageDirectory(r.actor, r.locality))
    throw new AppError('FORBIDDEN', 'organisations.errors.cannotManage');
  return r;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await guard(args);
    return { locality: { slug: locality.slug, name: locality.name } };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => guard(args));
  return handleOrganisationForm({ request: args.request, context: args.context, actor, locality });
}

export default function OrganisationNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality } = loaderData;
  const base = `/app/${locality.slug}/organisations`;
  const failed = actionData && !actionData.ok ? actionData : null;
  return (
    <div className="form-page">
      <PageHeader
        title={t('organisations.new.title')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('organisations.list.title') },
              { label: t('organisations.new.title') },
            ]}
          />
        }
      />
      <OrganisationForm
        values={failed?.values ?? {}}
        errors={failed?.errors}
        similar={failed?.similar}
        directory={base}
        cancelTo={base}
        submitLabel={t('organisations.new.submit')}
      />
    </div>
  );
}
