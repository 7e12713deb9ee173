import type { ReactNode } from 'react';
import { Link, NavLink, useLocation, useParams } from 'react-router';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import type { RootData } from '../../root.tsx';
import { FlashMessage } from '../ui/flash-message.tsx';
import { CsrfInput } from '../ui/form.tsx';
import { useI18n } from '../ui/i18n-context.tsx';

type NavLinkItem = { to: string; label: MessageKey; end?: boolean };
/** A part of the system: its pages open from a disclosure (works without JavaScript). */
type NavGroup = { group: MessageKey; items: NavLinkItem[] };
type NavItem = NavLinkItem | NavGroup;

const CENTRE_STAFF = ['coordinator', 'advisor', 'animator'];
const REPRESENTATIVES = ['partner_rep', 'enterprise_member'];

function navItems(data: RootData | null, localitySlug: string | undefined): NavItem[] {
  const user = data?.user;
  if (!user) return [];
  const items: NavItem[] = [];
  const membership = localitySlug ? user.memberships.find((m) => m.slug === localitySlug) : undefined;
  if (localitySlug && (membership || user.isPlatformAdmin)) {
    const base = `/app/${localitySlug}`;
    const roles: string[] = membership?.roles ?? [];
    const admin = user.isPlatformAdmin;
    const onlyParticipant = !admin && roles.length > 0 && roles.every((r) => r === 'participant');
    if (onlyParticipant) {
      items.push({ to: `${base}/me`, label: 'common.nav.me', end: true });
      items.push({ to: `${base}/me/appointments/new`, label: 'common.nav.bookAppointment' });
      items.push({ to: `${base}/me/data`, label: 'common.nav.myData' });
      return items;
    }
    items.push({ to: base, label: 'common.nav.dashboard', end: true });
    items.push({ to: `${base}/roadmap`, label: 'common.nav.roadmap' });
    items.push({
      group: 'common.nav.group.partnership',
      items: [
        { to: `${base}/organisations`, label: 'common.nav.organisations' },
        { to: `${base}/partnerships`, label: 'common.nav.partnerships' },
        { to: `${base}/problems`, label: 'common.nav.problems' },
        { to: `${base}/club`, label: 'common.nav.club' },
      ],
    });
    const staff = admin || roles.some((r) => CENTRE_STAFF.includes(r));
    if (staff || roles.includes('leader')) {
      const education: NavLinkItem[] = [
        { to: `${base}/education/groups`, label: 'common.nav.groups' },
        { to: `${base}/education/programmes`, label: 'common.nav.programmes' },
        { to: `${base}/education/materials`, label: 'common.nav.materials' },
      ];
      if (staff) {
        education.push({ to: `${base}/education/leaders`, label: 'common.nav.leaders' });
        education.push({ to: `${base}/education/cascade`, label: 'common.nav.cascade' });
        education.push({ to: `${base}/education/feedback`, label: 'common.nav.feedback' });
        education.push({ to: `${base}/education/reports`, label: 'common.nav.educationReports' });
      }
      items.push({ group: 'common.nav.group.education', items: education });
    }
    const representative = roles.some((r) => REPRESENTATIVES.includes(r));
    const centre: NavLinkItem[] = [];
    if (staff) {
      centre.push({ to: `${base}/participants`, label: 'common.nav.participants' });
      centre.push({ to: `${base}/plans`, label: 'common.nav.plans' });
    }
    if (staff || representative) {
      centre.push({ to: `${base}/advice/calendar`, label: 'common.nav.adviceCalendar' });
    }
    if (staff) centre.push({ to: `${base}/advice`, label: 'common.nav.advice', end: true });
    if (staff || representative) centre.push({ to: `${base}/referrals`, label: 'common.nav.referrals' });
    // A partner representative logs the hours of their own organisation's volunteers.
    if (staff || (roles.includes('partner_rep') && membership?.speaksFor))
      centre.push({ to: `${base}/volunteers`, label: 'common.nav.volunteers' });
    if (admin || roles.includes('coordinator'))
      centre.push({ to: `${base}/data-protection`, label: 'common.nav.dataProtection' });
    if (centre.length > 0) items.push({ group: 'common.nav.group.centre', items: centre });
    // Part 4: creating enterprises. Staff see the whole part; an enterprise member sees the
    // enterprises (their own profile, figures and jobs) and the business partners' offers.
    const enterprise: NavLinkItem[] = [];
    if (staff) enterprise.push({ to: `${base}/initiatives`, label: 'common.nav.initiatives' });
    if (staff || roles.includes('enterprise_member'))
      enterprise.push({ to: `${base}/enterprises`, label: 'common.nav.enterprises' });
    if (staff) {
      enterprise.push({ to: `${base}/jobs`, label: 'common.nav.jobs' });
      enterprise.push({ to: `${base}/niches`, label: 'common.nav.niches' });
    }
    if (staff || representative) enterprise.push({ to: `${base}/offers`, label: 'common.nav.offers' });
    if (staff) enterprise.push({ to: `${base}/financing`, label: 'common.nav.financing' });
    if (enterprise.length > 0) items.push({ group: 'common.nav.group.enterprises', items: enterprise });
    items.push({ to: `${base}/in-kind`, label: 'common.nav.inKind' });
  } else if (user.memberships.length > 0) {
    items.push({ to: '/app', label: 'common.nav.myLocalities', end: true });
  }
  if (user.isPlatformAdmin) {
    items.push({ to: '/admin', label: 'common.nav.adminOverview', end: true });
    items.push({ to: '/admin/localities', label: 'common.nav.adminLocalities' });
    items.push({ to: '/admin/users', label: 'common.nav.adminUsers' });
    items.push({ to: '/admin/parameters', label: 'common.nav.adminParameters' });
  }
  return items;
}

function isCurrent(pathname: string, item: NavLinkItem) {
  return item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`);
}

/**
 * One part of the system as a disclosure: a native details/summary, so it opens without
 * JavaScript; Escape closes it and returns focus; it closes itself after a navigation (the key
 * changes with the path).
 */
function NavGroupMenu({ group, pathname }: { group: NavGroup; pathname: string }) {
  const { t } = useI18n();
  const active = group.items.some((i) => isCurrent(pathname, i));
  return (
    <details
      className={`main-nav__group${active ? ' main-nav__group--active' : ''}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        const details = e.currentTarget;
        if (!details.open) return;
        details.open = false;
        details.querySelector('summary')?.focus();
      }}
    >
      <summary>{t(group.group)}</summary>
      <ul>
        {group.items.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </details>
  );
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
  const location = useLocation();
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
              {items.map((item) =>
                'group' in item ? (
                  <li key={item.group}>
                    <NavGroupMenu key={location.pathname} group={item} pathname={location.pathname} />
                  </li>
                ) : (
                  <li key={item.to}>
                    <NavLink to={item.to} end={item.end}>
                      {t(item.label)}
                    </NavLink>
                  </li>
                ),
              )}
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
