import { Link, useLocation } from 'react-router';
import { type PageInfo, pageCount } from '../../lib/pagination.ts';
import { useT } from './i18n-context.tsx';

function hrefFor(search: string, pathname: string, page: number) {
  const params = new URLSearchParams(search);
  if (page <= 1) params.delete('page');
  else params.set('page', String(page));
  const qs = params.toString();
  return qs ? `${pathname}?${qs}` : pathname;
}

/** Previous / next links and "page X of Y"; plain links, so it works without JavaScript. */
export function Pagination({ info }: { info: PageInfo }) {
  const t = useT();
  const { pathname, search } = useLocation();
  const pages = pageCount(info);
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={t('common.pagination.label')}>
      {info.page > 1 ? (
        <Link rel="prev" to={hrefFor(search, pathname, info.page - 1)}>
          {t('common.pagination.previous')}
        </Link>
      ) : null}
      <span aria-current="page">{t('common.pagination.status', { page: info.page, pages })}</span>
      {info.page < pages ? (
        <Link rel="next" to={hrefFor(search, pathname, info.page + 1)}>
          {t('common.pagination.next')}
        </Link>
      ) : null}
    </nav>
  );
}
