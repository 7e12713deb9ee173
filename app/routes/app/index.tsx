import { Link, redirect } from 'react-router';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { requireUser } from '../../lib/request.server.ts';
import type { Route } from './+types/index';

/** After sign-in: straight to the one locality, a choice among several, or the admin overview. */
export function loader(args: Route.LoaderArgs) {
  const actor = requireUser(args);
  const only = actor.memberships.length === 1 ? actor.memberships[0] : undefined;
  if (only && !actor.isPlatformAdmin) throw redirect(`/app/${only.slug}`);
  if (actor.memberships.length === 0 && actor.isPlatformAdmin) throw redirect('/admin');
  return {
    localities: actor.memberships.map((m) => ({ slug: m.slug, name: m.name, kind: m.kind, roles: m.roles })),
  };
}

export default function AppIndex({ loaderData }: Route.ComponentProps) {
  const t = useT();
  return (
    <>
      <PageHeader title={t('common.myLocalities.title')} />
      {loaderData.localities.length === 0 ? (
        <p>{t('common.myLocalities.none')}</p>
      ) : (
        <ul className="card-list">
          {loaderData.localities.map((l) => (
            <li key={l.slug} className="card">
              <h2>
                <Link to={`/app/${l.slug}`}>{l.name}</Link>
              </h2>
              <p className="muted">
                {t(`common.localityKind.${l.kind}`)} · {l.roles.map((r) => t(`common.role.${r}`)).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
