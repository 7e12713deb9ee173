import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote, SelectField } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProfileFields } from '../../features/enterprises/components/profile-fields.tsx';
import { handleForm, requireEnterpriseReader } from '../../features/enterprises/enterprise-route.server.ts';
import { canManageEnterprises } from '../../features/enterprises/enterprises.policy.ts';
import {
  createEnterprise,
  organisationsWithoutProfile,
} from '../../features/enterprises/enterprises.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-new';

async function requireManager(args: Route.LoaderArgs | Route.ActionArgs) {
  const r = await requireEnterpriseReader(args);
  if (!canManageEnterprises(r.actor, r.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  return r;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { locality } = await requireManager(args);
    const options = await organisationsWithoutProfile(services(args.context).db, locality.localityId);
    return { locality: { slug: locality.slug, name: locality.name }, options };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireManager(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    const id = await createEnterprise(services(args.context).db, {
      actor,
      locality,
      organisationId: values.organisationId?.trim() ?? '',
      values,
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/enterprises/${id}`, {
      kind: 'success',
      key: 'enterprises.created',
    });
  });
}

export default function EnterpriseNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, options } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const v = failed?.values ?? {};
  const e = failed?.errors ?? {};
  const base = `/app/${locality.slug}/enterprises`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('enterprises.new.title')}
        hasError={Boolean(failed)}
        lead={t('enterprises.new.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('enterprises.list.title') },
              { label: t('enterprises.new.title') },
            ]}
          />
        }
      />
      <ErrorSummary errors={e} />
      <PostForm className="stack">
        <RequiredNote />
        <SelectField
          name="organisationId"
          label={t('enterprises.new.organisation.label')}
          hint={t('enterprises.new.organisation.hint')}
          required
          emptyLabel={t('enterprises.form.choose')}
          options={options.map((o) => ({ value: o.id, label: o.name }))}
          defaultValue={v.organisationId}
          error={e.organisationId}
        />
        <ProfileFields values={v} errors={e} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('enterprises.new.submit')}
          </button>
          <Link to={base}>{t('enterprises.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
