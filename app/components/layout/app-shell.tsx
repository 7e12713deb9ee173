import type { ReactNode } from 'react';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import type { RootData } from '../../root.tsx';
import { FlashMessage } from '../ui/flash-message.tsx';
import { CsrfInput } from '../ui/form.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

type NavItem = { to: string; label: MessageKey; end?: boolean };

function navItems(data: RootData | null, localitySlug: string | undefined): NavItem[] {
  const user = data?.user;
  if (!user) return [];
  const items: NavItem[] = [];
  const membership = localitySlug ? user.memberships.find((m) => m.slug === localitySlug) : undefined;
  if (localitySlug && (membership || user.isPlatformAdmin)) {
    items.push({ to: `/app/${localitySlug}`, label: 'common.nav.dashboard', end: true });
    items.push({ to: `/app/${localitySlug}/roadmap`, label: 'common.nav.roadmap' });
    const roles: string[] = membership?.roles ?? [];
    if (user.isPlatformAdmin || roles.some((r) => r !== 'participant')) {
      items.push({ to: `/app/${localitySlug}/organisations`, label: 'common.nav.organisations' });
      items.push({ to: `/app/${localitySlug}/partnerships`, label: 'common.nav.partnerships' });
      items.push({ to: `/app/${localitySlug}/problems`, label: 'common.nav.problems' });
      items.push({ to: `/app/${localitySlug}/club`, label: 'common.nav.club' });
      items.push({ to: `/app/${localitySlug}/in-kind`, label: 'common.nav.inKind' });
      if (
        user.isPlatformAdmin ||
        roles.some((r) => r === 'coordinator' || r === 'advisor' || r === 'animator')
      )
        items.push({ to: `/app/${localitySlug}/participants`, label: 'common.nav.participants' });
    }
  } else if (user.memberships.length > 0) {
    items.push({ to: '/app', label: 'common.nav.myLocalities', end: true });
  }
  if (user.isPlatformAdmin) {
    items.push({ to: '/admin', label: 'common.nav.adminOverview', end: true });
    items.push({ to: '/admin/localities', label: 'common.nav.adminLocalities' });
    items.push({ to: '/admin/users', label: 'common.nav.adminUsers' });
  }
  return items;
}

function LanguageSwitch() {
  const { locale, t } = useI18n();
  const location = useLocation();
  const other = locale === 'pl' ? 'en' : 'pl';
  return (
    <form method="post" action="/lang" className="lang-switch">
      <CsrfInput />
      <input type="hidden" name="lang" value={other} />
      <input type="hidden" name="returnTo" value={location.pathname + location.search} />
      <button type="submit" className="link-button" lang={other}>
        {t('common.language.switchTo')}
      </button>
    </form>
  );
}

function LocalitySwitcher({ data, current }: { data: RootData | null; current: string | undefined }) {
  const { t } = useI18n();
  const memberships = data?.user?.memberships ?? [];
  const currentName = memberships.find((m) => m.slug === current)?.name;
  if (memberships.length < 2) {
    return currentName ? <span className="locality-name">{currentName}</span> : null;
  }
  return (
    <details className="locality-switcher">
      <summary>
        <span className="visually-hidden">{t('common.localitySwitcher.label')}: </span>
        {currentName ?? t('common.localitySwitcher.choose')}
      </summary>
      <ul>
        {memberships.map((m) => (
          <li key={m.slug}>
            <Link to={`/app/${m.slug}`} aria-current={m.slug === current ? 'page' : undefined}>
              {m.name}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}

export function AppShell({ data, children }: { data: RootData | null; children: ReactNode }) {
  const { t } = useI18n();
  const params = useParams();
  const items = navItems(data, params.locality);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('common.skipLink')}
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to={data?.user ? '/app' : '/'} className="brand">
            <span className="brand__mark" aria-hidden="true" />
            <span className="brand__name">Splot</span>
            <span className="brand__tag">{t('common.brand.tagline')}</span>
          </Link>
          <div className="site-header__tools">
            <LocalitySwitcher data={data} current={params.locality} />
            <LanguageSwitch />
            {data?.user ? (
              <form method="post" action="/logout" className="logout">
                <CsrfInput />
                <span className="user-name">{data.user.name}</span>
                <button type="submit" className="link-button">
                  {t('common.logout')}
                </button>
              </form>
            ) : (
              <Link to="/login">{t('common.login')}</Link>
            )}
          </div>
        </div>
        {items.length > 0 ? (
          <nav className="main-nav" aria-label={t('common.nav.label')}>
            <ul className="container">
              {items.map((item) => (
                <li key={item.to}>
                  <NavLink to={item.to} end={item.end}>
                    {t(item.label)}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
      </header>
      <main id="main" tabIndex={-1} className="container main">
        <FlashMessage flash={data?.flash ?? null} />
        {children}
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p>{t('common.footer.about')}</p>
          <ul>
            <li>
              <Link to="/accessibility">{t('common.footer.accessibility')}</Link>
            </li>
            <li>
              <Link to="/privacy">{t('common.footer.privacy')}</Link>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
