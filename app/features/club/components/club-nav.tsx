import { NavLink } from 'react-router';
import { useI18n } from '../../../components/ui/i18n-context.tsx';
import { Breadcrumbs } from '../../../components/ui/page.tsx';
import type { MessageKey } from '../../../lib/i18n/catalog.ts';
import type { ClubAbilities } from '../club.policy.ts';

type Page =
  | 'overview'
  | 'settings'
  | 'staff'
  | 'members'
  | 'activities'
  | 'visits'
  | 'grants'
  | 'register'
  | 'report';

const PAGES: { page: Page; path: string; label: MessageKey; need: keyof ClubAbilities }[] = [
  { page: 'overview', path: '', label: 'club.nav.overview', need: 'view' },
  { page: 'activities', path: '/activities', label: 'club.nav.activities', need: 'view' },
  { page: 'members', path: '/members', label: 'club.nav.members', need: 'seeMembers' },
  { page: 'visits', path: '/visits', label: 'club.nav.visits', need: 'manage' },
  { page: 'staff', path: '/staff', label: 'club.nav.staff', need: 'manage' },
  { page: 'grants', path: '/grants', label: 'club.nav.grants', need: 'manage' },
  { page: 'register', path: '/register', label: 'club.nav.register', need: 'view' },
  { page: 'report', path: '/report', label: 'club.nav.report', need: 'view' },
  { page: 'settings', path: '/settings', label: 'club.nav.settings', need: 'manage' },
];

const NAV = { marginBottom: '1.5rem', borderBottom: '1px solid var(--c-border)' } as const;
const LIST = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: '0.25rem 1rem',
  listStyle: 'none',
  padding: 0,
  margin: 0,
} as const;
const LINK = { display: 'inline-block', padding: '0.6rem 0.25rem', minHeight: '44px' } as const;
/** The current page is marked by weight and a bar, not by colour alone (and aria-current for screen readers). */
const ACTIVE = {
  ...LINK,
  fontWeight: 700,
  textDecoration: 'none',
  borderBottom: '4px solid currentColor',
} as const;

/** Breadcrumbs to the club and the club's own menu (only the pages this person may open). */
export function ClubNav({
  locality,
  club,
  abilities,
  current,
  trail = [],
}: {
  locality: { slug: string; name: string };
  club: { id: string; name: string };
  abilities: ClubAbilities;
  current: Page;
  trail?: { to?: string; label: string }[];
}) {
  const { t } = useI18n();
  const base = `/app/${locality.slug}/club/${club.id}`;
  const here = PAGES.find((p) => p.page === current)!;
  return (
    <>
      <Breadcrumbs
        items={[
          { to: `/app/${locality.slug}`, label: locality.name },
          { to: `/app/${locality.slug}/club?all=1`, label: t('club.list.title') },
          ...(current === 'overview' && trail.length === 0
            ? [{ label: club.name }]
            : [
                { to: base, label: club.name },
                ...(current === 'overview' ? [] : [{ to: `${base}${here.path}`, label: t(here.label) }]),
                ...trail,
              ]),
        ].map((item, i, all) => (i === all.length - 1 ? { label: item.label } : item))}
      />
      <nav aria-label={t('club.nav.label')} style={NAV}>
        <ul style={LIST}>
          {PAGES.filter((p) => abilities[p.need]).map((p) => (
            <li key={p.page}>
              <NavLink
                to={`${base}${p.path}`}
                end={p.page === 'overview'}
                style={({ isActive }) => (isActive ? ACTIVE : LINK)}
              >
                {t(p.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
    </>
  );
}
