import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { ReferralStatusBadge } from '../../features/referrals/components/referral-status.tsx';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../features/referrals/referral.rules.ts';
import { auditInboxRead, refuseReferralRead } from '../../features/referrals/referral-read.server.ts';
import {
  canSeeReferralsInbox,
  canSendReferrals,
  speaksFor,
} from '../../features/referrals/referrals.policy.ts';
import {
  listReferrals,
  referralFilter,
  referralOrganisations,
} from '../../features/referrals/referrals.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/referrals';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    const db = services(args.context).db;
    if (!canSeeReferralsInbox(actor, locality)) {
      await refuseReferralRead(db, { actor, locality, id: null, reason: 'role' });
      throw new AppError('FORBIDDEN', 'errors.403.body');
    }
    const staff = canSendReferrals(actor, locality);
    const url = new URL(args.request.url);
    const filter = referralFilter(url);
    const page = parsePage(url);
    const [list, orgs] = await Promise.all([
      listReferrals(db, {
        localityId: locality.localityId,
        filter,
        onlyFor: staff ? null : speaksFor(locality),
        offset: page.offset,
        limit: page.pageSize,
      }),
      staff ? referralOrganisations(db, { localityId: locality.localityId }) : Promise.resolve([]),
    ]);
    if (!staff && list.rows.length > 0)
      await auditInboxRead(db, { actor, locality, referralIds: list.rows.map((r) => r.id) });
    return {
      locality: { slug: locality.slug, name: locality.name },
      staff,
      filter,
      organisations: orgs,
      rows: list.rows.map((r) => ({
        id: r.id,
        // The organisations see the name only while the consent stands.
        personName: r.erased || (!staff && r.consentWithdrawn) ? null : `${r.givenName} ${r.familyName}`,
        personHidden: r.erased ? ('erased' as const) : r.consentWithdrawn ? ('withdrawn' as const) : null,
        personId: staff ? r.personId : null,
        fromName: r.fromName,
        toName: r.toName,
        status: r.status as ReferralStatus,
        sentOn: r.sentOn,
      })),
      page: { page: page.page, pageSize: page.pageSize, total: list.total },
    };
  });
}

export default function Referrals({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, staff, filter, organisations, rows, page } = loaderData;
  const base = `/app/${locality.slug}/referrals`;
  const filtered = Boolean(filter.status || filter.organisationId);
  return (
    <>
      <PageHeader
        title={t('referrals.title')}
        lead={
          staff ? t('referrals.inbox.leadStaff', { locality: locality.name }) : t('referrals.inbox.leadOrg')
        }
        breadcrumbs={
          <Breadcrumbs
            items={[{ to: `/app/${locality.slug}`, label: locality.name }, { label: t('referrals.title') }]}
          />
        }
        actions={
          staff ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('referrals.inbox.new')}
            </Link>
          ) : null
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" role="search">
        <div className="filter-bar__field">
          <label htmlFor="rf-status">{t('referrals.filter.status')}</label>
          <select id="rf-status" name="status" defaultValue={filter.status} className="input input--short">
            <option value="">{t('referrals.filter.statusAny')}</option>
            {REFERRAL_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`referrals.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        {staff ? (
          <div className="filter-bar__field">
            <label htmlFor="rf-org">{t('referrals.filter.organisation')}</label>
            <select
              id="rf-org"
              name="organisation"
              defaultValue={filter.organisationId}
              className="input input--medium"
            >
              <option value="">{t('referrals.filter.organisationAny')}</option>
              {organisations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <button type="submit" className="button button--secondary">
          {t('referrals.filter.submit')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filtered ? t('referrals.list.noResults') : t('referrals.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('referrals.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('referrals.list.person')}</th>
                <th scope="col">{t('referrals.list.from')}</th>
                <th scope="col">{t('referrals.list.to')}</th>
                <th scope="col">{t('referrals.list.sentOn')}</th>
                <th scope="col">{t('referrals.list.status')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link
                      to={`${base}/${r.id}`}
                      aria-label={
                        r.personName ? undefined : t('referrals.list.open', { organisation: r.toName })
                      }
                    >
                      {r.personName ??
                        (r.personHidden === 'erased'
                          ? t('referrals.erasedPerson')
                          : t('referrals.hiddenPerson'))}
                    </Link>
                    {staff && r.personName && r.personHidden === 'withdrawn' ? (
                      <span className="referral-flag"> ({t('referrals.section.consentWithdrawn')})</span>
                    ) : null}
                  </th>
                  <td data-label={t('referrals.list.from')}>{r.fromName ?? t('referrals.fromNone')}</td>
                  <td data-label={t('referrals.list.to')}>{r.toName}</td>
                  <td data-label={t('referrals.list.sentOn')}>{date(r.sentOn)}</td>
                  <td data-label={t('referrals.list.status')}>
                    <ReferralStatusBadge status={r.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
    </>
  );
}
