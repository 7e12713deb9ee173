import { Link } from 'react-router';
import { useI18n } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { Pagination } from '../../components/ui/pagination.tsx';
import type { ProblemStatus } from '../../features/problems/problem.rules.ts';
import { findPublicLocality, listPublicProblems } from '../../features/problems/problems.server.ts';
import { AppError } from '../../lib/errors.ts';
import { parsePage } from '../../lib/pagination.ts';
import { run, services } from '../../lib/request.server.ts';
import type { Route } from './+types/problems';

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export async function loader(args: Route.LoaderArgs) {
  return run(async () => {
    const { db } = services(args.context);
    const locality = await findPublicLocality(db, args.params.locality);
    if (!locality) throw new AppError('NOT_FOUND', 'errors.404.body');
    const page = parsePage(new URL(args.request.url));
    const { rows, total } = await listPublicProblems(db, {
      localityId: locality.id,
      offset: page.offset,
      limit: page.pageSize,
    });
    return {
      locality: { slug: locality.slug, name: locality.name },
      rows: rows.map((r) => ({
        ...r,
        status: r.status as ProblemStatus,
        createdAt: r.createdAt.toISOString(),
      })),
      page: { page: page.page, pageSize: page.pageSize, total },
    };
  });
}

export default function PublicProblems({ loaderData }: Route.ComponentProps) {
  const { t, dateTime } = useI18n();
  const { locality, rows, page } = loaderData;
  return (
    <>
      <PageHeader
        title={t('problems.public.title', { locality: locality.name })}
        lead={t('problems.public.lead')}
        actions={
          <Link to={`/p/${locality.slug}/problems/new`} className="button button--primary">
            {t('problems.public.report')}
          </Link>
        }
      />
      {rows.length === 0 ? (
        <p>{t('problems.public.empty')}</p>
      ) : (
        <ul className="card-list card-list--wide">
          {rows.map((p) => (
            <li key={p.id} className="card">
              <h2>{p.title}</h2>
              <p className="muted">
                {t(`problems.status.${p.status}`)} · {dateTime(p.createdAt)}
              </p>
              <p className="pre-line">{p.description}</p>
              {p.affected ? (
                <p>
                  <strong>{t('problems.form.affected.label')}:</strong> {p.affected}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <Pagination info={page} />
    </>
  );
}
