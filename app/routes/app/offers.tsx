import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import {
  canEditOffer,
  canManageFinancing,
  offerOrganisations,
} from '../../features/financing/financing.policy.ts';
import { OFFER_STATUSES } from '../../features/financing/financing.rules.ts';
import { requireOfferReader } from '../../features/financing/financing-route.server.ts';
import { listOffers } from '../../features/financing/offers.server.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/offers';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality, access } = await requireOfferReader(args);
    const raw = new URL(args.request.url).searchParams.get('status') ?? '';
    const status = (OFFER_STATUSES as readonly string[]).includes(raw) && access !== 'open' ? raw : '';
    const rows = await listOffers(services(args.context).db, {
      localityId: locality.localityId,
      access,
      own: offerOrganisations(locality),
      status,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      status,
      access,
      offers: rows.map((o) => ({
        ...o,
        value: o.valuePln === null ? null : Number(o.valuePln),
        canEdit: canEditOffer(actor, locality, o),
      })),
      canAdd: canManageFinancing(actor, locality) || offerOrganisations(locality).length > 0,
    };
  });
}

export default function Offers({ loaderData }: Route.ComponentProps) {
  const { t, money, date } = useI18n();
  const { locality, offers, status, access, canAdd } = loaderData;
  const base = `/app/${locality.slug}/offers`;
  return (
    <>
      <PageHeader
        title={t('financing.offers.title')}
        lead={
          access === 'open'
            ? t('financing.offers.leadOpen')
            : t('financing.offers.lead', { locality: locality.name })
        }
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('financing.offers.title') },
            ]}
          />
        }
        actions={
          canAdd ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('financing.offers.add')}
            </Link>
          ) : null
        }
      />
      {access !== 'open' ? (
        <Form method="get" className="filter-bar" role="search">
          <div className="filter-bar__field">
            <label htmlFor="of-status">{t('financing.offer.status.label')}</label>
            <select id="of-status" name="status" defaultValue={status} className="input input--short">
              <option value="">{t('financing.filter.any')}</option>
              {OFFER_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`financing.offer.status.${s}` as MessageKey)}
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className="button button--secondary">
            {t('financing.filter.apply')}
          </button>
        </Form>
      ) : null}
      {offers.length === 0 ? (
        <p>{t('financing.offers.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('financing.offers.caption', { count: offers.length })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('financing.offer.title.label')}</th>
                <th scope="col">{t('financing.offer.organisation.label')}</th>
                <th scope="col">{t('financing.offer.kind.label')}</th>
                <th scope="col">{t('financing.offer.valid')}</th>
                <th scope="col">{t('financing.offer.status.label')}</th>
                <th scope="col" className="num">
                  {t('financing.offer.value.label')}
                </th>
              </tr>
            </thead>
            <tbody>
              {offers.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    {o.canEdit ? <Link to={`${base}/${o.id}`}>{o.title}</Link> : o.title}
                    {o.description ? <p className="hint">{o.description}</p> : null}
                  </th>
                  <td data-label={t('financing.offer.organisation.label')}>{o.organisationName}</td>
                  <td data-label={t('financing.offer.kind.label')}>
                    {t(`financing.offer.kind.${o.kind}` as MessageKey)}
                  </td>
                  <td data-label={t('financing.offer.valid')}>
                    {o.validTo
                      ? t('financing.offer.validRange', { from: date(o.validFrom), to: date(o.validTo) })
                      : t('financing.offer.validSince', { from: date(o.validFrom) })}
                  </td>
                  <td data-label={t('financing.offer.status.label')}>
                    {t(`financing.offer.status.${o.status}` as MessageKey)}
                    {o.takenBy ? ` (${o.takenBy})` : ''}
                  </td>
                  <td className="num" data-label={t('financing.offer.value.label')}>
                    {o.value === null ? '—' : money(o.value)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
