import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { ProfileFields } from '../../features/enterprises/components/profile-fields.tsx';
import {
  handleForm,
  recheckOptions,
  requireEnterpriseReader,
} from '../../features/enterprises/enterprise-route.server.ts';
import { canEditEnterprise } from '../../features/enterprises/enterprises.policy.ts';
import { getEnterprise } from '../../features/enterprises/enterprises.queries.server.ts';
import { requireEnterprise, updateProfile } from '../../features/enterprises/enterprises.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/enterprise-edit';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireEnterpriseReader(args);
    const db = services(args.context).db;
    const ref = await requireEnterprise(db, { actor, locality }, args.params.enterpriseId);
    if (!canEditEnterprise(actor, locality, ref)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const d = await getEnterprise(db, { localityId: locality.localityId, id: ref.id });
    const p = d!.profile;
    return {
      locality: { slug: locality.slug, name: locality.name },
      enterprise: { id: p.id, name: p.name },
      values: {
        registeredOn: dateInputValue(p.registeredOn),
        foundedBy: p.foundedBy ?? '',
        aimReintegration: p.psAims.includes('reintegration') ? 'on' : '',
        aimSocialServices: p.psAims.includes('social_services') ? 'on' : '',
        publicControl: p.publicControl ? 'on' : '',
        servicesToLocality: p.servicesToLocality,
        beneficiaries: p.beneficiaries,
        offerSummary: p.offerSummary,
        openingCash: p.openingCashText.replace('.', ','),
      } as Record<string, string>,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const { actor, locality } = await run(() => requireEnterpriseReader(args));
  const form = await args.request.formData();
  const values = formValues(form);
  return handleForm(form, async () => {
    await updateProfile(services(args.context).db, {
      actor,
      locality,
      enterpriseId: args.params.enterpriseId,
      values,
      recheck: recheckOptions(args, todayInWarsaw()),
    });
    return redirectWithFlash(args.context, `/app/${locality.slug}/enterprises/${args.params.enterpriseId}`, {
      kind: 'success',
      key: 'enterprises.profile.saved',
    });
  });
}

export default function EnterpriseEdit({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, enterprise } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/enterprises/${enterprise.id}`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('enterprises.profile.editTitle', { name: enterprise.name })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: `/app/${locality.slug}/enterprises`, label: t('enterprises.list.title') },
              { to: base, label: enterprise.name },
              { label: t('enterprises.profile.edit') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <ProfileFields values={failed?.values ?? loaderData.values} errors={failed?.errors ?? {}} />
        <div className="actions">
          <button type="submit" className="button button--primary">
            {t('enterprises.profile.save')}
          </button>
          <Link to={base}>{t('enterprises.form.cancel')}</Link>
        </div>
      </PostForm>
    </div>
  );
}
