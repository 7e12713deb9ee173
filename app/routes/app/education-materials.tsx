import { Form, Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { Breadcrumbs, PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import { MATERIAL_KINDS, MATERIAL_LANGUAGES } from '../../features/education/materials/materials.rules.ts';
import {
  audiencesFor,
  countMaterials,
  materialFilter,
  moduleOptions,
  searchMaterials,
} from '../../features/education/materials/materials.server.ts';
import { requireLibraryReader } from '../../features/education/programmes/education-route.server.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/education-materials';

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const ctx = await requireLibraryReader(args);
    const { locality } = ctx;
    const db = services(args.context).db;
    const url = new URL(args.request.url);
    const filter = materialFilter(url);
    const page = parsePage(url, 20);
    const audiences = audiencesFor(ctx);
    const [found, modules] = await Promise.all([
      searchMaterials(db, {
        localityId: locality.localityId,
        audiences,
        filter,
        offset: page.offset,
        limit: page.pageSize,
      }),
      moduleOptions(db, locality.localityId),
    ]);
    const filtered = Boolean(filter.q || filter.kind || filter.module || filter.language);
    // Past the last page the window count is empty: count once more so the pager still shows.
    const total =
      found.rows.length === 0 && page.page > 1 && !filtered
        ? await countMaterials(db, locality.localityId, audiences)
        : found.total;
    return {
      locality: { slug: locality.slug, name: locality.name },
      canManage: ctx.canManage,
      filter,
      filtered,
      modules,
      rows: found.rows.map((r) => ({ ...r, updatedAt: todayInWarsaw(r.updatedAt) })),
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function EducationMaterials({ loaderData }: Route.ComponentProps) {
  const { t, date } = useI18n();
  const { locality, canManage, filter, filtered, modules, rows, page } = loaderData;
  const base = `/app/${locality.slug}/education/materials`;
  return (
    <>
      <PageHeader
        title={t('education.materials.list.title')}
        lead={t('education.materials.list.lead')}
        breadcrumbs={
          <Breadcrumbs
            items={[
              { to: `/app/${locality.slug}`, label: locality.name },
              { label: t('education.materials.list.title') },
            ]}
          />
        }
        actions={
          canManage ? (
            <Link to={`${base}/new`} className="button button--primary">
              {t('education.materials.list.add')}
            </Link>
          ) : null
        }
      />
      <Form method="get" className="filter-bar filter-bar--wide" role="search">
        <div className="filter-bar__field">
          <label htmlFor="ml-q">{t('education.materials.list.search')}</label>
          <input id="ml-q" name="q" type="search" defaultValue={filter.q} className="input input--medium" />
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ml-kind">{t('education.materials.form.kind.label')}</label>
          <select id="ml-kind" name="kind" defaultValue={filter.kind} className="input input--short">
            <option value="">{t('education.materials.list.any')}</option>
            {MATERIAL_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`education.materials.kind.${k}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ml-module">{t('education.materials.list.module')}</label>
          <select id="ml-module" name="module" defaultValue={filter.module} className="input input--medium">
            <option value="">{t('education.materials.list.any')}</option>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-bar__field">
          <label htmlFor="ml-language">{t('education.materials.form.language.label')}</label>
          <select
            id="ml-language"
            name="language"
            defaultValue={filter.language}
            className="input input--short"
          >
            <option value="">{t('education.materials.list.any')}</option>
            {MATERIAL_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {t(`education.materials.language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.search')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{filtered ? t('education.materials.list.noResults') : t('education.materials.list.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--stack table--stack-plain">
            <caption>{t('education.materials.list.caption', { count: page.total })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('education.materials.form.title.label')}</th>
                <th scope="col">{t('education.materials.form.kind.label')}</th>
                <th scope="col">{t('education.materials.list.modules')}</th>
                <th scope="col">{t('education.materials.form.language.label')}</th>
                <th scope="col">{t('education.materials.form.visibility.label')}</th>
                <th scope="col">{t('education.materials.list.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>{r.title}</Link>
                  </th>
                  <td data-label={t('education.materials.form.kind.label')}>
                    {t(`education.materials.kind.${r.kind as 'document'}`)}
                  </td>
                  <td data-label={t('education.materials.list.modules')}>{r.modules.join('; ') || '—'}</td>
                  <td data-label={t('education.materials.form.language.label')}>
                    {r.language.toUpperCase()}
                  </td>
                  <td data-label={t('education.materials.form.visibility.label')}>
                    {t(`education.materials.visibility.${r.visibility as 'staff'}`)}
                  </td>
                  <td data-label={t('education.materials.list.updated')}>{date(r.updatedAt)}</td>
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
