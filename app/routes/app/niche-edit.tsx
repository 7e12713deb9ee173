import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { handleForm, requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import { NicheFields } from '../../features/niches/components/niche-fields.tsx';
import { getNiche, labelledCriteria } from '../../features/niches/niches.queries.server.ts';
import { updateNiche } from '../../features/niches/niches.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/niche-edit';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireFinancingManager(args);
    const db = services(args.context).db;
    const [found, criteria] = await Promise.all([
      getNiche(db, { localityId: locality.localityId, id: args.params.id }),
      labelledCriteria(db, locality.localityId, i18nOf(args.context).t),
    ]);
    if (!found) throw new AppError('NOT_FOUND', 'errors.404.body');
    const n = found.niche;
    const values: Record<string, string> = {
      name: n.name,
      sector: n.sector,
      description: n.description,
      estimatedDemandPln: n.estimatedDemandPln ? n.estimatedDemandPln.replace('.', ',') : '',
      competition: n.competition,
      status: n.status,
    };
    for (const [k, v] of Object.entries(n.scores)) values[`score_${k}`] = String(v);
    return {
      locality: { slug: locality.slug, name: locality.name },
      id: n.id,
      name: n.name,
      values,
      criteria,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await updateNiche(services(args.context).db, { ...ctx, id: args.params.id, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/niches/${args.params.id}`, {
      kind: 'success',
      key: 'financing.niche.saved',
    });
  });
}

export default function NicheEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, criteria, id, name } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/niches`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.niche.editTitle', { name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.niches.title') },
              { to: `${base}/${id}`, label: name },
              { label: t('financing.form.edit') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <NicheFields
          values={failed?.values ?? loaderData.values}
          errors={failed?.errors ?? {}}
          criteria={criteria}
        />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('financing.form.save')}
          </button>
          <Link to={`${base}/${id}`}>{t('financing.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
