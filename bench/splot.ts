// Splot-specific bench helpers: start the production server, sign in, a throwaway PostgreSQL database.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { CookieJar, freePort, httpRequest, type Service, spawnNode, waitUntilHealthy } from './lib.ts';

export const DEMO_EMAIL = 'koordynator.poznan@splot.demo';
export const DEMO_PASSWORD = 'Splot-demo-2026';
export const ROADMAP_PATH = '/app/poznan/roadmap';

/**
 * Starts `node server/main.ts` in production mode on a free port and times it from spawn to
 * the first `GET /healthz` answering 200. PGlite unless databaseUrl is given; the demo data
 * is seeded into an empty database either way.
 */
export async function startSplot(opts: {
  label: string;
  dataDir: string;
  logDir: string;
  databaseUrl?: string;
  timeoutMs: number;
}): Promise<{ svc: Service; startupMs: number }> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: opts.dataDir,
    SEED_DEMO: '1',
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  const started = performance.now();
  const svc = spawnNode({ label: opts.label, args: ['server/main.ts'], env, port, logDir: opts.logDir });
  await waitUntilHealthy(svc, '/healthz', opts.timeoutMs);
  return { svc, startupMs: performance.now() - started };
}

/** Starts bench/hello.ts, the bare node:http baseline. */
export async function startHello(logDir: string): Promise<Service> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  const svc = spawnNode({ label: 'hello', args: ['bench/hello.ts'], env, port, logDir });
  await waitUntilHealthy(svc, '/', 10_000);
  return svc;
}

/**
 * Signs in like a browser without JavaScript: GET /login for the CSRF cookie and hidden field,
 * then POST the form. Returns the Cookie header (splot_session and splot_csrf).
 */
export async function signIn(baseUrl: string, email: string, password: string): Promise<string> {
  const jar = new CookieJar();
  const page = await httpRequest(`${baseUrl}/login`);
  jar.store(page.headers['set-cookie']);
  if (page.status !== 200) throw new Error(`GET /login answered ${page.status}`);
  const input = /<input[^>]*name="_csrf"[^>]*>/.exec(page.body)?.[0];
  const csrf = input ? /value="([^"]*)"/.exec(input)?.[1] : undefined;
  if (!csrf || !jar.get('splot_csrf')) throw new Error('GET /login gave no splot_csrf cookie or _csrf field');
  const res = await httpRequest(`${baseUrl}/login`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: baseUrl,
      Cookie: jar.header(),
    },
    body: new URLSearchParams({ _csrf: csrf, email, password }).toString(),
  });
  jar.store(res.headers['set-cookie']);
  if (res.status < 300 || res.status >= 400 || !jar.get('splot_session')) {
    throw new Error(`sign-in as ${email} failed: POST /login answered ${res.status}, no session cookie`);
  }
  return jar.header();
}

/** Checks that the page answers 200 for this session (not a redirect to /login) before loading it. */
export async function checkPage(baseUrl: string, pathname: string, cookie: string): Promise<void> {
  const res = await httpRequest(`${baseUrl}${pathname}`, { headers: { Cookie: cookie } });
  if (res.status !== 200) {
    const where = res.headers.location ? ` → ${res.headers.location}` : '';
    throw new Error(`GET ${pathname} answered ${res.status}${where} while signed in`);
  }
}

/**
 * Creates an empty database `splot_bench_<random>` on the server in adminUrl and returns a URL
 * for it, and a function that drops it.
 */
export async function createBenchDatabase(
  adminUrl: string,
): Promise<{ name: string; url: string; drop: () => Promise<void> }> {
  const name = `splot_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const drop = async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      // WITH (FORCE) needs PostgreSQL 13+; fall back to a plain DROP on older servers.
      await client
        .query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
        .catch(() => client.query(`DROP DATABASE IF EXISTS ${name}`));
    } finally {
      await client.end();
    }
  };
  return { name, url: url.toString(), drop };
}
