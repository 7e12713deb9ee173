import {
  isRouteErrorResponse,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from 'react-router';
import type { Route } from './+types/root';
import { AppShell } from './components/layout/app-shell.tsx';
import { ShellContext } from './components/ui/i18n-context.tsx';
import { parseCookies } from './lib/cookies.ts';
import { FLASH_COOKIE, readFlash } from './lib/flash.ts';
import { CATALOGS, isLocale, type Locale, type MessageKey } from './lib/i18n/catalog.ts';
import { getI18n } from './lib/i18n/i18n.ts';
import { rootMiddleware } from './lib/middleware.server.ts';
import { csrfToken, currentActor, i18nOf } from './lib/request.server.ts';
import stylesUrl from './styles/app.css?url';

export const middleware = [rootMiddleware];

export const links: Route.LinksFunction = () => [
  { rel: 'stylesheet', href: stylesUrl },
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const actor = currentActor(context);
  const cookies = parseCookies(request.headers.get('Cookie'));
  return {
    locale: i18nOf(context).locale,
    csrf: csrfToken(context),
    flash: readFlash(cookies[FLASH_COOKIE]),
    user: actor
      ? {
          name: actor.name,
          email: actor.email,
          isPlatformAdmin: actor.isPlatformAdmin,
          memberships: actor.memberships.map((m) => ({
            slug: m.slug,
            name: m.name,
            kind: m.kind,
            roles: m.roles,
            /** Speaks for an organisation (a partner representative or enterprise member). */
            speaksFor: m.organisationIds.length > 0,
          })),
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function errorLocale(error: unknown): Locale {
  if (isRouteErrorResponse(error) && error.data && typeof error.data === 'object' && 'locale' in error.data) {
    const l = (error.data as { locale: unknown }).locale;
    if (isLocale(l)) return l;
  }
  return 'pl';
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<RootData>('root');
  const error = useRouteError();
  const locale = data?.locale ?? errorLocale(error);
  const i18n = getI18n(locale);
  // Informational public pages send no JavaScript at all (handle.js === false): light on cheap phones.
  const noJs = useMatches().some((m) => (m.handle as { js?: boolean } | undefined)?.js === false);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="deklaracja-dostępności" content="/accessibility" />
        <Meta />
        <Links />
      </head>
      <body>
        <ShellContext.Provider value={{ i18n, csrf: data?.csrf ?? '' }}>
          <AppShell data={data ?? null}>{children}</AppShell>
        </ShellContext.Provider>
        {noJs ? null : (
          <>
            <ScrollRestoration />
            <Scripts />
          </>
        )}
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

const KNOWN_STATUSES = new Set([400, 401, 403, 404, 409, 413, 422, 429]);

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const data = useRouteLoaderData<RootData>('root');
  const locale = data?.locale ?? errorLocale(error);
  const { t } = getI18n(locale);
  let status = 500;
  let body: MessageKey = 'errors.500.body';
  if (isRouteErrorResponse(error)) {
    status = KNOWN_STATUSES.has(error.status) ? error.status : error.status >= 500 ? 500 : 400;
    const key = (error.data as { messageKey?: string } | null)?.messageKey;
    body = key && key in CATALOGS.pl ? (key as MessageKey) : (`errors.${status}.body` as MessageKey);
  }
  const title = `errors.${status}.title` as MessageKey;
  return (
    <div className="error-page">
      <title>{`${t(title)} – Splot`}</title>
      <p className="error-page__code">{t('errors.code', { status })}</p>
      <h1>{t(title)}</h1>
      <p>
        {t(
          body,
          isRouteErrorResponse(error)
            ? (error.data as { values?: Record<string, string | number> } | null)?.values
            : undefined,
        )}
      </p>
      <p>
        <a href="/">{t('errors.backHome')}</a>
      </p>
    </div>
  );
}
