import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { OfferFields } from '../../features/financing/components/offer-fields.tsx';
import { canManageFinancing, offerOrganisations } from '../../features/financing/financing.policy.ts';
import { handleForm, requireOfferReader } from '../../features/financing/financing-route.server.ts';
import { offerFormOptions } from '../../features/financing/offer-route.server.ts';
import { createOffer } from '../../features/financing/offers.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/offer-new';

async function guard(args: Route.LoaderArgs | Route.ActionArgs) {
  const ctx = await requireOfferReader(args);
  if (!canManageFinancing(ctx.actor, ctx.locality) && offerOrganisations(ctx.locality).length === 0)
    throw new AppError('FORBIDDEN', 'errors.403.body');
  return ctx;
}

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await guard(args);
    const options = await offerFormOptions(services(args.context).db, ctx);
    return {
      locality: { slug: ctx.locality.slug, name: ctx.locality.name },
      ...options,
      today: todayInWarsaw(),
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => guard(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await createOffer(services(args.context).db, { ...ctx, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/offers`, {
      kind: 'success',
      key: 'financing.offer.created',
    });
  });
}

export default function OfferNew({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, today, ...options } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/offers`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.offer.newTitle')}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.offers.title') },
              { label: t('financing.offer.newTitle') },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <OfferFields
          values={failed?.values ?? { validFrom: today }}
          errors={failed?.errors ?? {}}
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
