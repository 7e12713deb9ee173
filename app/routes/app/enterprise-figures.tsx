import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote, TextField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Trajectory } from '../../features/enterprises/components/trajectory.tsx';
import { loadEnterprisePage } from '../../features/enterprises/enterprise-page.server.ts';
import { handleForm, requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { saveFigures } from '../../features/enterprises/enterprises.server.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-figures';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireEnterpriseReader(args);
    const today = todayInWarsaw();
    const page = await loadEnterprisePage(services(args.context).db, {
      actor,
      locality,
      id: args.params.enterpriseId,
      today,
      purpose: 'enterprise_figures',
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: page.profile.id, name: page.profile.name },
      points: page.points,
      share3: page.share3,
      runway: page.runway,
      breakEven: page.breakEven,
      canEdit: page.canEdit,
      thisMonth: today.slice(0, 7),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    await saveFigures(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      values,
    });
    return redirectWithFlash(
      args.context,
      `/app/${locality.slug}/enterprises/${args.params.enterpriseId}/figures`,
      {
        kind: 'success',
        key: 'enterprises.figures.saved',
      },
    );
  });
}

export default function EnterpriseFigures({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const d = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? { month: d.thisMonth };
  const e = failed?.errors ?? {};
  const base = `/app/${d.locality.slug}/enterprises/${d.enterprise.id}`;
  return (
    <>
      <PageHeader
        title={t('enterprises.figures.pageTitle', { name: d.enterprise.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${d.locality.slug}`, label: d.locality.name },
              { to: `/app/${d.locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: d.enterprise.name },
              { label: t('enterprises.figures.title') },
            ]}
          />
        }
      />
      <Trajectory points={d.points} share3={d.share3} runway={d.runway} breakEven={d.breakEven} />
      {d.canEdit ? (
        <PostForm className="stack" aria-labelledby="figures-form-title">
          <h2 id="figures-form-title">{t('enterprises.figures.formTitle')}</h2>
          <ErrorSummary errors={e} />
          <RequiredNote />
          <TextField
            name="month"
            label={t('enterprises.figures.month.label')}
            hint={t('enterprises.figures.month.hint')}
            required
            width="short"
            defaultValue={v.month}
            error={e.month}
          />
          <TextField
            name="ownRevenue"
            label={t('enterprises.figures.ownRevenue')}
            hint={t('enterprises.figures.amount.hint')}
            required
            width="short"
            defaultValue={v.ownRevenue}
            error={e.ownRevenue}
          />
          <TextField
            name="grants"
            label={t('enterprises.figures.grants')}
            hint={t('enterprises.figures.amount.hint')}
            required
            width="short"
            defaultValue={v.grants}
            error={e.grants}
          />
          <TextField
            name="costs"
            label={t('enterprises.figures.costs')}
            hint={t('enterprises.figures.amount.hint')}
            required
            width="short"
            defaultValue={v.costs}
            error={e.costs}
          />
          <TextField
            name="headcount"
            label={t('enterprises.figures.headcount')}
            width="short"
            inputMode="numeric"
            defaultValue={v.headcount}
            error={e.headcount}
          />
          <TextField
            name="customers"
            label={t('enterprises.figures.customers')}
            width="short"
            inputMode="numeric"
            defaultValue={v.customers}
            error={e.customers}
          />
          <div className="actions">
            <button type="submit" className="button button--primary">
              {t('enterprises.figures.submit')}
            </button>
          </div>
        </PostForm>
      ) : null}
      <p>
        <Link to={base}>{t('enterprises.back')}</Link>
      </p>
    </>
  );
}
