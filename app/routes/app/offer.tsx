import { Link } from 'react-router';
import { ErrorSummary, PostForm, RequiredNote } from '../../components/ui/form.tsx';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { OfferFields } from '../../features/financing/components/offer-fields.tsx';
import { canEditOffer } from '../../features/financing/financing.policy.ts';
import { handleForm, requireOfferReader } from '../../features/financing/financing-route.server.ts';
import { offerFormOptions } from '../../features/financing/offer-route.server.ts';
import { offerRow, updateOffer } from '../../features/financing/offers.server.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import { redirectWithFlash, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/offer';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await requireOfferReader(args);
    const db = services(args.context).db;
    const offer = await offerRow(db, ctx.locality.localityId, args.params.id);
    if (!offer) throw new AppError('NOT_FOUND', 'errors.404.body');
    if (!canEditOffer(ctx.actor, ctx.locality, offer)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const options = await offerFormOptions(db, ctx);
    const values: Record<string, string> = {
      organisationId: offer.organisationId,
      kind: offer.kind,
      title: offer.title,
      description: offer.description,
      valuePln: offer.valuePln ? offer.valuePln.replace('.', ',') : '',
      validFrom: offer.validFrom,
      validTo: offer.validTo ?? '',
      status: offer.status,
      enterpriseId: offer.enterpriseId ?? '',
      initiativeId: offer.initiativeId ?? '',
    };
    return {
      locality: { slug: ctx.locality.slug, name: ctx.locality.name },
      id: offer.id,
      title: offer.title,
      values,
      ...options,
    };
  });
}

export async function action(args: Route.ActionArgs) {
  const ctx = await run(() => requireOfferReader(args));
  const form = await args.request.formData();
  return handleForm(form, async () => {
    await updateOffer(services(args.context).db, { ...ctx, id: args.params.id, values: formValues(form) });
    return redirectWithFlash(args.context, `/app/${ctx.locality.slug}/offers`, {
      kind: 'success',
      key: 'financing.offer.saved',
    });
  });
}

export default function Offer({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, id: _id, title, values, ...options } = loaderData;
  const failed = actionData && !actionData.ok ? actionData : null;
  const base = `/app/${locality.slug}/offers`;
  return (
    <div className="form-page">
      <PageHeader
        title={t('financing.offer.editTitle', { title })}
        hasError={Boolean(failed)}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { to: base, label: t('financing.offers.title') },
              { label: title },
            ]}
          />
        }
      />
      <ErrorSummary errors={failed?.errors} />
      <PostForm className="stack">
        <RequiredNote />
        <OfferFields values={failed?.values ?? values} errors={failed?.errors ?? {}} {...options} />
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
