import { Link, redirect } from 'react-router';
import { useT } from '../../components/ui/i18n-context.tsx';
import { PageHeader } from '../../components/ui/page.tsx';
import { currentActor } from '../../lib/request.server.ts';
import type { Route } from './+types/home';

export function loader({ context }: Route.LoaderArgs) {
  if (currentActor(context)) throw redirect('/app');
  return null;
}

/** A public page: no JavaScript is sent (see root.tsx). */
export const handle = { js: false };

export default function Home() {
  const t = useT();
  return (
    <div className="home">
      <PageHeader title={t('common.home.title')} lead={t('common.home.lead')} />
      <ul className="feature-list">
        <li>{t('common.home.part1')}</li>
        <li>{t('common.home.part2')}</li>
        <li>{t('common.home.part3')}</li>
        <li>{t('common.home.part4')}</li>
      </ul>
      <p>
        <Link to="/login" className="button button--primary">
          {t('common.home.signIn')}
        </Link>
      </p>
    </div>
  );
}
