import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { handleForm, requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import { NicheFields } from '../../features/niches/components/niche-fields.tsx';
import { labelledCriteria } from '../../features/niches/niches.queries.server.ts';
import { createNiche } from '../../features/niches/niches.server.ts';
import { formValues } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/niche-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireFinancingManager(args);
    const criteria = await labelledCriteria(
      services(args.context).db,
      locality.localityId,
      i18nOf(args.context).t,
    );
    return { locality: { slug: locality.slug, name: locality.name }, criteria };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await createNiche(services(args.context).db, { ...ctx, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/niches/${id}`, {
      kind: 'success',
      key: 'financing.niche.created',
    });
  });
}

export default function NicheNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, criteria } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/niches`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.niche.newTitle')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.niches.title') },
              { label: t('financing.niche.newTitle') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <NicheFields values={failed?.values ?? {}} errors={failed?.errors ?? {}} criteria={criteria} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('financing.form.save')}
          </button>
          <Link to={base}>{t('financing.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
