import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { inKindLedger } from '../../features/partnerships/in-kind.queries.server.ts';
import { canViewPartnership } from '../../features/partnerships/partnership.policy.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/in-kind';

const LEDGER_KINDS = ['premises', 'volunteers', 'equipment', 'expertise', 'donation'] as const;
type LedgerKind = (typeof LEDGER_KINDS)[number];

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewPartnership(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const url = new URL(args.request.url);
    const page = parsePage(url);
    const asked = url.searchParams.get('kind');
    const kind = LEDGER_KINDS.find((k) => k === asked) ?? null;
    const ledger = await inKindLedger(services(args.context).db, {
      localityId: locality.localityId,
      offset: page.offset,
      limit: page.pageSize,
      kind,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      totals: ledger.totals.map((x) => ({ ...x, kind: x.kind as LedgerKind })),
      rows: ledger.rows.map((r) => ({ ...r, kind: r.kind as LedgerKind })),
      page: { page: page.page, pageSize: page.pageSize, total: ledger.total },
      overlaps: ledger.overlaps,
      kind,
    };
  });
}

export default function InKind({ loaderData }: Route.ComponentProps) {
  const { t, money, date } = useI18n();
  const { locality, totals, rows, page, overlaps, kind } = loaderData;
  const here = `/app/${locality.slug}/in-kind`;
  const sum = totals.reduce((s, x) => s + x.value, 0);
  return (
    <>
      <PageHeader
        title={t('partnerships.inKind.title')}
        lead={t('partnerships.inKind.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('partnerships.inKind.title') },
            ]}
          />
        }
      />
      <nav aria-label={t('costs.inKind.links')} className="cost-links">
        <ul className="cost-links__list">
          <li>
            <Link to={`${here}/donations`}>{t('costs.donations.title')}</Link>
          </li>
          <li>
            <Link to={`${here}/costs`}>{t('costs.costs.title')}</Link>
          </li>
          <li>
            <Link to={`${here}/report`}>{t('costs.report.title')}</Link>
          </li>
        </ul>
      </nav>
      {overlaps.length > 0 ? (
        <div className="warning-box" role="note">
          <h2>{t('partnerships.inKind.overlap.title')}</h2>
          <ul>
            {overlaps.map((o) => (
              <li key={`${o.organisationName}-${o.commitment}`}>
                {t('partnerships.inKind.overlap.item', {
                  organisation: o.organisationName,
                  commitment: o.commitment,
                  months: o.months,
                })}
              </li>
            ))}
          </ul>
          <p>{t('partnerships.inKind.overlap.hint')}</p>
        </div>
      ) : null}
      {rows.length === 0 ? (
        <p>{t('partnerships.inKind.empty')}</p>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('partnerships.inKind.totalsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partnerships.commitments.kind.label')}</th>
                  <th scope="col" className="num">
                    {t('partnerships.inKind.entries')}
                  </th>
                  <th scope="col" className="num">
                    {t('partnerships.commitments.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {totals.map((x) => (
                  <tr key={x.kind}>
                    <th scope="row">
                      {x.kind === kind ? (
                        t(`partnerships.inKind.kind.${x.kind}`)
                      ) : (
                        <Link
                          to={`${here}?kind=${x.kind}`}
                          aria-label={t('partnerships.inKind.onlyKind', {
                            kind: t(`partnerships.inKind.kind.${x.kind}`),
                          })}
                        >
                          {t(`partnerships.inKind.kind.${x.kind}`)}
                        </Link>
                      )}
                    </th>
                    <td className="num" data-label={t('partnerships.inKind.entries')}>
                      {x.entries}
                    </td>
                    <td className="num" data-label={t('partnerships.commitments.value')}>
                      {money(x.value)}
                    </td>
                  </tr>
                ))}
                <tr className="row--total">
                  <th scope="row">{t('partnerships.inKind.sum')}</th>
                  <td />
                  <td className="num" data-label={t('partnerships.commitments.value')}>
                    <strong>{money(sum)}</strong>
                  </td>
                </tr>
              </tbody>
            </table>
          </div>
          {kind ? (
            <p>
              {t('partnerships.inKind.filtered', { kind: t(`partnerships.inKind.kind.${kind}`) })}{' '}
              <Link to={here}>{t('partnerships.inKind.showAll')}</Link>
            </p>
          ) : null}
          <div className="table-wrap">
            <table className="table table--stack table--stack-plain">
              <caption>{t('partnerships.inKind.entriesCaption', { count: page.total })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('partnerships.commitments.period')}</th>
                  <th scope="col">{t('partnerships.commitments.kind.label')}</th>
                  <th scope="col">{t('partnerships.commitments.description.label')}</th>
                  <th scope="col">{t('partnerships.members.organisation.label')}</th>
                  <th scope="col" className="num">
                    {t('partnerships.commitments.value')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td data-label={t('partnerships.commitments.period')}>
                      {[date(r.occurredFrom), date(r.occurredTo)].filter(Boolean).join(' – ')}
                    </td>
                    <td data-label={t('partnerships.commitments.kind.label')}>
                      {t(`partnerships.inKind.kind.${r.kind}`)}
                    </td>
                    <td data-label={t('partnerships.commitments.description.label')}>{r.description}</td>
                    <td data-label={t('partnerships.members.organisation.label')}>
                      {r.organisationName ?? '—'}
                    </td>
                    <td className="num" data-label={t('partnerships.commitments.value')}>
                      {money(Number(r.valuePln))}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination info={page} />
        </>
      )}
    </>
  );
}
