import { data, type MiddlewareFunction } from 'react-router';
import { actorContext, csrfContext, localeContext, requestInfoContext, servicesContext } from './context.ts';
import { clearCookie, parseCookies, serializeCookie } from './cookies.ts';
import { FLASH_COOKIE } from './flash.ts';
import { DEFAULT_LOCALE, isLocale } from './i18n/catalog.ts';
import { log } from './logger.ts';
import type { ErrorPayload } from './request.server.ts';
import { loadSession, SESSION_COOKIE } from './session.server.ts';
import { newToken, safeEqual } from './tokens.server.ts';

export const LANG_COOKIE = 'splot_lang';
export const CSRF_COOKIE = 'splot_csrf';
export const CSRF_FIELD = '_csrf';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

async function submittedCsrf(request: Request): Promise<string | null> {
  const header = request.headers.get('X-CSRF-Token');
  if (header) return header;
  const type = request.headers.get('Content-Type') ?? '';
  if (!type.includes('form')) return null;
  try {
    const form = await request.clone().formData();
    const value = form.get(CSRF_FIELD);
    return typeof value === 'string' ? value : null;
  } catch {
    return null;
  }
}

function sameOrigin(request: Request): boolean {
  const origin = request.headers.get('Origin');
  if (!origin || origin === 'null') return origin !== 'null';
  try {
    return new URL(origin).host === new URL(request.url).host;
  } catch {
    return false;
  }
}

/**
 * Runs before every loader and action: loads the session and actor, picks the language,
 * and refuses state-changing requests without a valid CSRF token (double-submit cookie
 * plus an Origin check).
 */
export const rootMiddleware: MiddlewareFunction<Response> = async ({ request, context, pattern }, next) => {
  const services = context.get(servicesContext);
  const info = context.get(requestInfoContext);
  info.routePattern = pattern.startsWith('/') ? pattern : `/${pattern}`;
  const cookies = parseCookies(request.headers.get('Cookie'));

  const session = await loadSession(services.db, cookies[SESSION_COOKIE], services.config);
  context.set(actorContext, session ? { ...session.actor, requestId: info.requestId } : null);

  const langCookie = cookies[LANG_COOKIE];
  const locale = isLocale(langCookie) ? langCookie : (session?.actor.locale ?? DEFAULT_LOCALE);
  context.set(localeContext, locale);

  const existingCsrf = cookies[CSRF_COOKIE];
  const csrf = existingCsrf && existingCsrf.length >= 32 ? existingCsrf : newToken();
  context.set(csrfContext, csrf);

  if (!SAFE_METHODS.has(request.method)) {
    const submitted = await submittedCsrf(request);
    const valid =
      Boolean(existingCsrf) && submitted !== null && safeEqual(submitted, csrf) && sameOrigin(request);
    if (!valid) {
      log('warn', 'csrf check failed', { requestId: info.requestId, path: new URL(request.url).pathname });
      throw data<ErrorPayload & { locale: string }>(
        { messageKey: 'errors.csrf.body', locale },
        { status: 403 },
      );
    }
  }

  const response = await next();
  const setCookies: string[] = [];
  if (csrf !== existingCsrf) setCookies.push(serializeCookie(CSRF_COOKIE, csrf, { secure: info.secure }));
  if (!session && cookies[SESSION_COOKIE]) setCookies.push(clearCookie(SESSION_COOKIE, info.secure));
  const isRedirect = response.status >= 300 && response.status < 400;
  if (cookies[FLASH_COOKIE] && !isRedirect && request.method === 'GET') {
    setCookies.push(clearCookie(FLASH_COOKIE, info.secure));
  }
  for (const c of setCookies) response.headers.append('Set-Cookie', c);
  return response;
};
