import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { InitiativeFields } from '../../features/initiatives/components/initiative-fields.tsx';
import { updateInitiative } from '../../features/initiatives/create-initiative.server.ts';
import { handleForm, requireInitiativeReader } from '../../features/initiatives/initiative-route.server.ts';
import { getInitiative, nicheOptions } from '../../features/initiatives/initiatives.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/initiative-edit';

/** Changes an initiative's name, idea, intended legal form and market niche (staff who manage). */
async function manager(args: Route.LoaderArgs | Route.ActionArgs) {
  const ctx = await requireInitiativeReader(args);
  if (!ctx.canManage) throw new AppError('FORBIDDEN', 'errors.403.body');
  return ctx;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await manager(args);
    const db = services(args.context).db;
    const [initiative, niches] = await Promise.all([
      getInitiative(db, { localityId: locality.localityId, id: args.params.initiativeId }),
      nicheOptions(db, { localityId: locality.localityId }),
    ]);
    if (!initiative || initiative.stage === 'closed') throw new AppError('NOT_FOUND', 'errors.404.body');
    return {
      locality: { slug: locality.slug, name: locality.name },
      initiative: {
        id: initiative.id,
        name: initiative.name,
        values: {
          name: initiative.name,
          idea: initiative.idea,
          intendedLegalForm: initiative.intendedLegalForm,
          nicheId: initiative.nicheId ?? '',
          version: String(initiative.version),
        },
      },
      niches,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => manager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await updateInitiative(services(args.context).db, {
      actor,
      locality,
      id: args.params.initiativeId,
      values: formValues(form),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/initiatives/${args.params.initiativeId}`, {
      kind: 'success',
      key: 'initiatives.updated',
    });
  });
}

export default function InitiativeEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, initiative, niches } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const back = `/app/${locality.slug}/initiatives/${initiative.id}`;
  const values = failed?.values ?? initiative.values;
  return (
    <div className="form-page">
      <PageHeader
        title={t('initiatives.edit.title', { name: initiative.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/initiatives`, label: t('initiatives.board.title') },
              { to: back, label: initiative.name },
              { label: t('initiatives.edit.short') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <input type="hidden" name="version" value={initiative.values.version} />
        <InitiativeFields values={values} errors={failed?.errors ?? {}} niches={niches} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('initiatives.edit.submit')}
          </button>
          <Link to={back}>{t('initiatives.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
