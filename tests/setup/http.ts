import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import type { ServerBuild } from 'react-router';
import type { Services } from '../../app/lib/services.ts';
import { createServerApp } from '../../server/app.ts';

/**
 * The real server (Hono + the built React Router app) handling requests in-process,
 * against a test database: HTTP-level tests without a port or a browser.
 * Needs `react-router build` first (npm test runs it).
 */
export async function createTestApp(services: Services) {
  const build = (await import(pathToFileURL(path.resolve('build/server/index.js')).href)) as ServerBuild;
  const { app } = createServerApp({
    build,
    services,
    pingDatabase: async () => {
      await services.db.execute(sql`select 1`);
    },
    bodyLimitBytes: 64 * 1024,
    uploadLimitBytes: 256 * 1024,
    mode: 'production',
  });
  return app;
}

/** A tiny cookie-keeping client for the in-process app, like a browser without JavaScript. */
export class TestBrowser {
  private cookies = new Map<string, string>();
  readonly fetch: (req: Request) => Response | Promise<Response>;
  constructor(app: { fetch: (req: Request) => Response | Promise<Response> }) {
    this.fetch = (req) => app.fetch(req);
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string) {
    this.cookies.set(name, value);
  }

  private header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  }

  private remember(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1).trim());
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const res = await this.fetch(
      new Request(`http://localhost${url}`, { headers: { Cookie: this.header(), ...headers } }),
    );
    this.remember(res);
    return res;
  }

  /** Submits a form the way a browser does, with the CSRF token from the cookie unless told otherwise. */
  async post(
    url: string,
    fields: Record<string, string>,
    opts: { csrf?: string | null; headers?: Record<string, string> } = {},
  ) {
    const body = new URLSearchParams(fields);
    const csrf = opts.csrf === undefined ? this.cookies.get('splot_csrf') : opts.csrf;
    if (csrf !== null && csrf !== undefined) body.set('_csrf', csrf);
    const res = await this.fetch(
      new Request(`http://localhost${url}`, {
        method: 'POST',
        headers: {
          Cookie: this.header(),
          'Content-Type': 'application/x-www-form-urlencoded',
          Origin: 'http://localhost',
          ...opts.headers,
        },
        body,
      }),
    );
    this.remember(res);
    return res;
  }

  async signIn(email: string, password: string) {
    await this.get('/login');
    const res = await this.post('/login', { email, password });
    if (res.status !== 302) throw new Error(`Sign-in failed for ${email}: ${res.status}`);
    return res;
  }
}

/** The visible text of an HTML page (tags stripped), for assertions on what a person reads. */
export function pageText(html: string): string {
  return html
    .replace(/<script[\s\S]*?<\/script>/g, ' ')
    .replace(/<style[\s\S]*?<\/style>/g, ' ')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;|\u00a0/g, ' ')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
