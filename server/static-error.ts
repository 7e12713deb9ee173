import { parseCookies } from '../app/lib/cookies.ts';
import { CATALOGS, isLocale, type Locale, type MessageKey } from '../app/lib/i18n/catalog.ts';

function escapeHtml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

export function localeFromRequest(request: Request): Locale {
  const lang = parseCookies(request.headers.get('Cookie')).splot_lang;
  return isLocale(lang) ? lang : 'pl';
}

/**
 * A self-contained error page for failures that happen before the app renders (body too
 * large, an unexpected crash): in the user's language, never with a stack trace.
 */
export function staticErrorPage(locale: Locale, status: 403 | 413 | 500 | 503): string {
  const c = CATALOGS[locale];
  const title = c[`errors.${status === 503 ? 500 : status}.title` as MessageKey];
  const body =
    c[status === 403 ? 'errors.csrf.body' : (`errors.${status === 503 ? 500 : status}.body` as MessageKey)];
  const code = c['errors.code'].replace('{status}', String(status));
  return `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} – Splot</title>
<style>body{font-family:"Open Sans","DejaVu Sans",Arial,sans-serif;color:#1b1b1b;margin:0;line-height:1.5}
main{max-width:40rem;margin:3rem auto;padding:0 1rem}h1{font-size:2rem;line-height:1.25}
a{color:#0052a5}a:focus{outline:3px solid #ffbf47;outline-offset:2px}.code{color:#595959}</style></head>
<body><main id="main"><p class="code">${escapeHtml(code)}</p><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p>
<p><a href="/">${escapeHtml(c['errors.backHome'])}</a></p></main></body></html>`;
}
