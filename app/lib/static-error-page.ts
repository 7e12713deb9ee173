import { parseCookies } from './cookies.ts';
import { CATALOGS, isLocale, type Locale, type MessageKey } from './i18n/catalog.ts';
import { formatMessage } from './i18n/format-message.ts';

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

const TITLED = new Set([400, 401, 403, 404, 409, 413, 422, 429, 500]);

/**
 * A self-contained error page for failures outside the React app (body too large, a
 * cross-site post, an unexpected crash, a failed download): in the user's language,
 * never with a stack trace. `messageKey` overrides the status's standard explanation.
 */
export function staticErrorPage(
  locale: Locale,
  status: number,
  message?: { key: MessageKey; values?: Record<string, string | number> },
): string {
  const c = CATALOGS[locale];
  const s = TITLED.has(status) ? status : 500;
  const title = c[`errors.${s}.title` as MessageKey];
  const body = message
    ? formatMessage(locale === 'pl' ? 'pl-PL' : 'en-GB', c[message.key], message.values)
    : c[status === 403 ? 'errors.csrf.body' : (`errors.${s}.body` as MessageKey)];
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
