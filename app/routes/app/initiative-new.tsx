import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { InitiativeFields } from '../../features/initiatives/components/initiative-fields.tsx';
import { createInitiative } from '../../features/initiatives/create-initiative.server.ts';
import { handleForm, requireInitiativeCreator } from '../../features/initiatives/initiative-route.server.ts';
import { nicheOptions } from '../../features/initiatives/initiatives.queries.server.ts';
import { formValues } from '../../lib/forms.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiative-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireInitiativeCreator(args);
    const niches = await nicheOptions(services(args.context).db, { localityId: locality.localityId });
    return { locality: { slug: locality.slug, name: locality.name }, niches };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireInitiativeCreator(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await createInitiative(services(args.context).db, {
      actor,
      locality,
      values: formValues(form),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/initiatives/${id}`, {
      kind: 'success',
      key: 'initiatives.created',
    });
  });
}

export default function InitiativeNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, niches } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/initiatives`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('initiatives.new.title')}
        hasError={Boolean(failed)}
        lead={t('initiatives.new.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('initiatives.board.title') },
              { label: t('initiatives.new.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <InitiativeFields values={failed?.values ?? {}} errors={failed?.errors ?? {}} niches={niches} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('initiatives.new.submit')}
          </button>
          <Link to={base}>{t('initiatives.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
