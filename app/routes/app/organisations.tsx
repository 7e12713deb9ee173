import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { directoryFilter } from '../../features/organisations/directory-filter.ts';
import { canManageDirectory, canViewDirectory } from '../../features/organisations/organisation.policy.ts';
import {
  ORGANISATION_KINDS,
  type OrganisationKind,
} from '../../features/organisations/organisation.rules.ts';
import { searchOrganisations } from '../../features/organisations/organisations.queries.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { requireActor, run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/organisations';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { actor, locality } = await requireActor(args, { locality: args.params.locality });
    if (!canViewDirectory(actor, locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
    const url = new URL(args.request.url);
    const filter = directoryFilter(url);
    const page = parsePage(url);
    const { rows, total } = await searchOrganisations(services(args.context).db, {
      localityId: locality.localityId,
      filter,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      filter: {
        q: filter.q,
        kind: filter.kind ?? '',
        pes: filter.pes === null ? '' : filter.pes ? 'yes' : 'no',
      },
      rows,
      canManage: canManageDirectory(actor, locality),
      search: url.search,
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function Organisations({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, filter, rows, canManage, page, search } = loaderData;
  const base = `/app/${locality.slug}/organisations`;
  const exportQuery = new URLSearchParams(search);
  exportQuery.delete('page');
  const qs = exportQuery.toString() ? `?${exportQuery}` : '';
  return (
    <>
      <PageHeader
        title={t('organisations.list.title')}
        lead={t('organisations.list.lead', { locality: locality.name })}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('organisations.list.title') },
            ]}
          />
        }
        actions={
          canManage ? (
            <>
              <Link to={`${base}/new`} className="button button--primary">
                {t('organisations.list.add')}
              </Link>
              <Link to={`${base}/import`} className="button button--secondary">
                {t('organisations.list.import')}
              </Link>
            </>
          ) : null
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" role="search">
        <div className="filter-bar__field">
          <label htmlFor="org-q">{t('organisations.list.search')}</label>
          <input id="org-q" name="q" type="search" defaultValue={filter.q} className="input input--medium" />
        </div>
        <div className="filter-bar__field">
          <label htmlFor="org-kind">{t('organisations.form.kind.label')}</label>
          <select id="org-kind" name="kind" defaultValue={filter.kind} className="input input--medium">
            <option value="">{t('organisations.list.allKinds')}</option>
            {ORGANISATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`organisations.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="org-pes">{t('organisations.list.pesFilter')}</label>
          <select id="org-pes" name="pes" defaultValue={filter.pes} className="input input--short">
            <option value="">{t('organisations.list.pesAny')}</option>
            <option value="yes">{t('organisations.list.pesYes')}</option>
            <option value="no">{t('organisations.list.pesNo')}</option>
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.search')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>
          {filter.q || filter.kind || filter.pes
            ? t('organisations.list.noResults')
            : t('organisations.list.empty')}
        </p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('organisations.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('organisations.form.name.label')}</th>
                <th scope="col">{t('organisations.form.kind.label')}</th>
                <th scope="col">{t('organisations.list.pesColumn')}</th>
                <th scope="col">NIP</th>
                <th scope="col">{t('organisations.form.city')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((o) => (
                <tr key={o.id}>
                  <th scope="row">
                    <Link to={`${base}/${o.id}`}>{o.name}</Link>
                  </th>
                  <td data-label={t('organisations.form.kind.label')}>
                    {t(`organisations.kind.${o.kind as OrganisationKind}`)}
                  </td>
                  <td data-label={t('organisations.list.pesColumn')}>
                    {o.isPes ? t('organisations.list.pesYes') : t('organisations.list.pesNo')}
                  </td>
                  <td data-label="NIP">{o.nip ?? '—'}</td>
                  <td data-label={t('organisations.form.city')}>{o.city || '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination info={page} />
      <p className="downloads">
        {t('organisations.list.download')}{' '}
        <a href={`${base}/export/csv${qs}`} download>
          {t('organisations.list.csv')}
        </a>{' '}
        ·{' '}
        <a href={`${base}/export/xlsx${qs}`} download>
          {t('organisations.list.xlsx')}
        </a>
      </p>
    </>
  );
}
