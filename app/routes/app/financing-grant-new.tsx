import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { GrantFields } from '../../features/financing/components/grant-fields.tsx';
import { grantableApplications, listSources } from '../../features/financing/financing.queries.server.ts';
import { linkOptions } from '../../features/financing/financing-common.server.ts';
import { handleForm, requireFinancingManager } from '../../features/financing/financing-route.server.ts';
import { applicationRow } from '../../features/financing/funding.server.ts';
import { createGrant, SCHEDULE_ROWS } from '../../features/financing/grants.server.ts';
import { formValues } from '../../lib/forms.ts';
import { i18nOf, redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/financing-grant-new';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireFinancingManager(args);
    const db = services(args.context).db;
    const appId = new URL(args.request.url).searchParams.get('application') ?? '';
    const [sources, apps, links, app] = await Promise.all([
      listSources(db, locality.localityId),
      grantableApplications(db, locality.localityId),
      linkOptions(db, locality.localityId),
      appId ? applicationRow(db, locality.localityId, appId) : null,
    ]);
    const initial: Record<string, string> = app
      ? {
          applicationId: app.id,
          sourceId: app.sourceId,
          title: app.callName,
          amountPln: app.amountPln.replace('.', ','),
          enterpriseId: app.enterpriseId ?? '',
          initiativeId: app.initiativeId ?? '',
          awardedOn: app.decidedOn ?? '',
        }
      : {};
    return {
      locality: { slug: locality.slug, name: locality.name },
      sources: sources.map((s) => ({ id: s.id, name: s.name })),
      applications: apps.map((a) => ({ id: a.id, name: a.callName })),
      enterprises: links.enterprises,
      initiatives: links.initiatives,
      initial,
      rows: SCHEDULE_ROWS,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireFinancingManager(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    const id = await createGrant(services(args.context).db, {
      ...ctx,
      values: formValues(form),
      locale: i18nOf(args.context).locale,
    });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/financing/grants/${id}`, {
      kind: 'success',
      key: 'financing.grant.created',
    });
  });
}

export default function GrantNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, initial, rows, ...options } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/financing`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.grant.newTitle')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.title') },
              { label: t('financing.grant.newTitle') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <GrantFields
          values={failed?.values ?? initial}
          errors={failed?.errors ?? {}}
          rows={rows}
          {...options}
        />
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
