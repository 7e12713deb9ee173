import type { ReactNode } from 'react';
import { useT } from './i18n-context.tsx';

/** The page's <title> (prefixed "Błąd:" when a form failed) and its one h1. */
export function PageHeader({
  title,
  hasError = false,
  lead,
  actions,
  breadcrumbs,
}: {
  title: string;
  hasError?: boolean;
  lead?: ReactNode;
  actions?: ReactNode;
  breadcrumbs?: ReactNode;
}) {
  const t = useT();
  return (
    <>
      <title>{`${hasError ? `${t('common.form.errorTitlePrefix')} ` : ''}${title} – Splot`}</title>
      {breadcrumbs}
      <div className="page-header">
        <div>
          <h1>{title}</h1>
          {lead ? <p className="lead">{lead}</p> : null}
        </div>
        {actions ? <div className="page-header__actions">{actions}</div> : null}
      </div>
    </>
  );
}

export function Breadcrumbs({ items }: { items: { to?: string; label: string }[] }) {
  const t = useT();
  return (
    <nav className="breadcrumbs" aria-label={t('common.breadcrumbs')}>
      <ol>
        {items.map((item) => (
          <li key={`${item.to ?? ''}${item.label}`}>
            {item.to ? <a href={item.to}>{item.label}</a> : <span aria-current="page">{item.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
