import { Form } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import {
  findLocalityBySlug,
  materialFilter,
  searchMaterials,
} from '../../features/education/materials/materials.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/materials';

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db } = services(args.context);
    const locality = await findLocalityBySlug(db, args.params.locality);
    if (!locality) throw new AppError('NOT_FOUND', 'errors.404.body');
    const url = new URL(args.request.url);
    const page = parsePage(url, 30);
    const filter = { ...materialFilter(url), module: '' };
    const { rows, total } = await searchMaterials(db, {
      localityId: locality.id,
      audiences: ['public'],
      filter,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      q: filter.q,
      rows: rows.map((r) => ({
        id: r.id,
        title: r.title,
        kind: r.kind,
        language: r.language,
        licence: r.licence,
        url: r.url,
        hasFile: r.latestVersion !== null,
      })),
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function PublicMaterials({ loaderData }: Route.ComponentProps) {
  const { t } = useI18n();
  const { locality, rows, page, q } = loaderData;
  return (
    <>
      <PageHeader
        title={t('education.materials.public.title', { locality: locality.name })}
        lead={t('education.materials.public.lead')}
      />
      <Form method="get" className="filter-bar" role="search">
        <div className="filter-bar__field">
          <label htmlFor="pm-q">{t('education.materials.list.search')}</label>
          <input id="pm-q" name="q" type="search" defaultValue={q} className="input input--medium" />
        </div>
        <button type="submit" className="button button--secondary">
          {t('common.search')}
        </button>
      </Form>
      {rows.length === 0 ? (
        <p>{t('education.materials.public.empty')}</p>
      ) : (
        <ul className="public-materials">
          {rows.map((r) => (
            <li key={r.id} className="public-materials__item">
              <h2 className="public-materials__title">
                {r.kind === 'link' ? (
                  <a href={r.url} rel="noopener noreferrer">
                    {r.title}
                  </a>
                ) : r.hasFile ? (
                  <a href={`/p/${locality.slug}/materials/${r.id}/file`} download>
                    {r.title}
                  </a>
                ) : (
                  r.title
                )}
              </h2>
              <p>
                {t(`education.materials.kind.${r.kind as 'document'}`)} ·{' '}
                {t(`education.materials.language.${r.language as 'pl'}`)}
                {r.licence ? ` · ${t('education.materials.public.licence', { licence: r.licence })}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      <Pagination info={page} />
    </>
  );
}
