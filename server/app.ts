import { randomUUID } from 'node:crypto';
import { serveStatic } from '@hono/node-server/serve-static';
import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { RouterContextProvider, ServerBuild } from 'react-router';
import { createRequestHandler } from 'react-router';
import type { RequestInfo } from '../app/lib/context.ts';
import { errorFields, log } from '../app/lib/logger.ts';
import type { Services } from '../app/lib/services.ts';
import { localeFromRequest, staticErrorPage } from '../app/lib/static-error-page.ts';
import { sqlCounter } from '../db/client.ts';
import { Metrics } from './metrics.ts';

/** The routes that take an educational material's file (a new material or a new version). */
const MATERIAL_UPLOAD = /^\/app\/[^/]+\/education\/materials(\/new|\/[0-9a-f-]{36})$/;

type Env = { Variables: { info: RequestInfo } };

export type ServerAppOptions = {
  build: ServerBuild | (() => Promise<ServerBuild>);
  services: Services;
  /** Runs `SELECT 1`: the health check's database probe. */
  pingDatabase: () => Promise<void>;
  bodyLimitBytes: number;
  /** The larger limit for uploading educational materials (default: bodyLimitBytes). */
  uploadLimitBytes?: number;
  /** build/client in production; absent in dev (Vite serves assets). */
  clientDir?: string;
  mode: 'production' | 'development';
  /** In dev, React Router as Vite loads it (the build's own instance); else the Node import. */
  createHandler?: typeof createRequestHandler;
};

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/**
 * Only our own origin: no third-party scripts, styles, frames or form targets. React Router's
 * hydration data is an inline script and progress bars use inline widths, hence 'unsafe-inline'.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'self'",
  "object-src 'none'",
].join('; ');

function clientIp(headers: Headers, trustProxy: boolean, remote: string | undefined): string {
  if (trustProxy) {
    const fwd = headers.get('X-Forwarded-For')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return remote ?? 'unknown';
}

export function createServerApp(opts: ServerAppOptions) {
  const app = new Hono<Env>();
  const metrics = new Metrics();
  const trustProxy = opts.services.config.trustProxy;
  let createContext: ((s: Services, i: RequestInfo) => RouterContextProvider) | null = null;
  let handler: ((request: Request, ctx: RouterContextProvider) => Promise<Response>) | null = null;

  async function rrHandler() {
    if (handler && createContext) return { handler, createContext };
    const build = typeof opts.build === 'function' ? await opts.build() : opts.build;
    const entry = build.entry.module as unknown as { createLoadContext: typeof createContext };
    createContext = entry.createLoadContext;
    const h = (opts.createHandler ?? createRequestHandler)(build, opts.mode);
    // In dev the build changes on every edit: load it again per request.
    if (opts.mode === 'production') handler = h;
    return { handler: h, createContext: createContext! };
  }

  // Request id, access log, metrics, SQL statement count, security headers.
  app.use('*', async (c, next) => {
    const started = performance.now();
    const incoming = c.req.header('X-Request-Id');
    const requestId = incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const remote = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming
      ?.socket?.remoteAddress;
    const proto = trustProxy ? c.req.header('X-Forwarded-Proto') : undefined;
    const info: RequestInfo = {
      requestId,
      ip: clientIp(c.req.raw.headers, trustProxy, remote),
      secure: proto === 'https' || new URL(c.req.url).protocol === 'https:',
    };
    c.set('info', info);
    const counter = { count: 0 };
    await sqlCounter.run(counter, next);
    const seconds = (performance.now() - started) / 1000;
    const path = new URL(c.req.url).pathname;
    const route =
      info.routePattern ??
      (path.startsWith('/assets/') ? '/assets/*' : c.req.routePath === '/*' ? 'unmatched' : c.req.routePath);
    metrics.observe(route, c.req.method, c.res.status, seconds);
    c.res.headers.set('X-Request-Id', requestId);
    c.res.headers.set(
      'Server-Timing',
      `db;desc="sql statements";dur=${counter.count}, app;dur=${(seconds * 1000).toFixed(1)}`,
    );
    c.res.headers.set('X-Content-Type-Options', 'nosniff');
    c.res.headers.set('Referrer-Policy', 'same-origin');
    c.res.headers.set('X-Frame-Options', 'DENY');
    if (opts.mode === 'production') c.res.headers.set('Content-Security-Policy', CSP);
    if (!path.startsWith('/assets/') && path !== '/metrics' && path !== '/healthz') {
      log('info', 'request', {
        requestId,
        method: c.req.method,
        path,
        route,
        status: c.res.status,
        ms: Math.round(seconds * 1000),
        sql: counter.count,
      });
    }
  });

  app.onError((error, c) => {
    log('error', 'unhandled server error', { requestId: c.get('info')?.requestId, ...errorFields(error) });
    return c.html(staticErrorPage(localeFromRequest(c.req.raw), 500), 500);
  });

  app.get('/healthz', async (c) => {
    try {
      await opts.pingDatabase();
      return c.json({ status: 'ok', database: 'ok' });
    } catch (error) {
      log('error', 'health check failed', errorFields(error));
      return c.json({ status: 'error', database: 'unreachable' }, 503);
    }
  });

  app.get('/metrics', (c) => c.text(metrics.render(), 200, { 'Content-Type': 'text/plain; version=0.0.4' }));

  if (opts.clientDir) {
    app.use(
      '/assets/*',
      serveStatic({
        root: opts.clientDir,
        onFound: (_path, c) => {
          c.header('Cache-Control', 'public, max-age=31536000, immutable');
        },
      }),
    );
    // Other public files (favicon.svg, robots.txt): only paths that name a file, so pages
    // do not pay a filesystem lookup on every request.
    const publicFiles = serveStatic({
      root: opts.clientDir,
      onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=3600'),
    });
    app.use('*', (c, next) => (/\/[^/]+\.[a-z0-9]+$/i.test(c.req.path) ? publicFiles(c, next) : next()));
  }

  const tooLarge = (c: Context) => c.html(staticErrorPage(localeFromRequest(c.req.raw), 413), 413);
  const defaultLimit = bodyLimit({ maxSize: opts.bodyLimitBytes, onError: tooLarge });
  // Educational materials may be larger than a form or a CSV import (the file rule itself is a
  // dated parameter, checked by the app with a message in words).
  const uploadLimit = bodyLimit({
    maxSize: Math.max(opts.uploadLimitBytes ?? opts.bodyLimitBytes, opts.bodyLimitBytes),
    onError: tooLarge,
  });
  app.use('*', (c, next) =>
    MATERIAL_UPLOAD.test(c.req.path) ? uploadLimit(c, next) : defaultLimit(c, next),
  );

  // A state-changing request from another site is refused before the app sees it
  // (the app also checks its CSRF token): 403, in the user's language.
  app.use('*', async (c, next) => {
    if (['GET', 'HEAD', 'OPTIONS'].includes(c.req.method)) return next();
    const origin = c.req.header('Origin');
    if (origin && origin !== 'null') {
      let host = '';
      try {
        host = new URL(origin).host;
      } catch {
        host = '';
      }
      if (host !== new URL(c.req.url).host) {
        log('warn', 'cross-origin request refused', { requestId: c.get('info').requestId, origin });
        return c.html(staticErrorPage(localeFromRequest(c.req.raw), 403), 403);
      }
    }
    return next();
  });

  app.all('*', async (c) => {
    const { handler: handle, createContext: make } = await rrHandler();
    return handle(c.req.raw, make(opts.services, c.get('info')));
  });

  return { app, metrics };
}
