import { eq } from 'drizzle-orm';
import { data, type RouterContextProvider, redirect } from 'react-router';
import type { LocalityKind } from '../../db/reference/teryt.ts';
import { localities } from '../../db/schema/index.ts';
import type { Actor, ActorLocality } from './actor.ts';
import { actorContext, csrfContext, localeContext, requestInfoContext, servicesContext } from './context.ts';
import { AppError } from './errors.ts';
import { type Flash, flashCookie } from './flash.ts';
import { CATALOGS, type MessageKey } from './i18n/catalog.ts';
import { getI18n, type I18n } from './i18n/i18n.ts';
import type { Services } from './services.ts';
import { staticErrorPage } from './static-error-page.ts';

type Ctx = Readonly<RouterContextProvider>;
type Args = { request: Request; context: Ctx };

export function services(context: Ctx): Services {
  return context.get(servicesContext);
}

export function requestInfo(context: Ctx) {
  return context.get(requestInfoContext);
}

export function i18nOf(context: Ctx): I18n {
  return getI18n(context.get(localeContext));
}

export function csrfToken(context: Ctx): string {
  return context.get(csrfContext);
}

/** The error shape thrown to error boundaries: a message id, never a stack trace. */
export type ErrorPayload = { messageKey: string; values?: Record<string, string | number> };

export function throwAppError(error: AppError): never {
  throw data<ErrorPayload>({ messageKey: error.messageKey, values: error.values }, { status: error.status });
}

/** What `data(…)` creates when thrown (React Router exports only its type). */
function isThrownData(
  e: unknown,
): e is { type: 'DataWithResponseInit'; data: unknown; init: ResponseInit | null } {
  return typeof e === 'object' && e !== null && (e as { type?: unknown }).type === 'DataWithResponseInit';
}

/**
 * For resource routes (downloads): runs the body and answers an AppError with a readable
 * HTML error page in the user's language, not a JSON payload.
 */
export async function runResource(context: Ctx, fn: () => Promise<Response>): Promise<Response> {
  try {
    return await fn();
  } catch (error) {
    let failure: { status: number; key: MessageKey; values?: Record<string, string | number> } | null = null;
    if (error instanceof AppError)
      failure = { status: error.status, key: error.messageKey, values: error.values };
    else if (isThrownData(error)) {
      const payload = error.data as Partial<ErrorPayload> | null;
      if (payload?.messageKey && payload.messageKey in CATALOGS.pl)
        failure = {
          status: error.init?.status ?? 400,
          key: payload.messageKey as MessageKey,
          values: payload.values,
        };
    }
    if (!failure) throw error;
    const html = staticErrorPage(context.get(localeContext), failure.status, {
      key: failure.key,
      values: failure.values,
    });
    return new Response(html, {
      status: failure.status,
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
    });
  }
}

/** Runs a loader or action body, turning AppErrors into error responses with the right status. */
export async function run<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof AppError) throwAppError(error);
    throw error;
  }
}

export function currentActor(context: Ctx): Actor | null {
  return context.get(actorContext);
}

/** The signed-in actor, or a redirect to the login page that returns here afterwards. */
export function requireUser(args: Args): Actor {
  const actor = currentActor(args.context);
  if (!actor) {
    const url = new URL(args.request.url);
    const next = url.pathname + url.search;
    throw redirect(`/login?next=${encodeURIComponent(next)}`);
  }
  return actor;
}

/**
 * The actor and the locality named in the URL. A locality the actor has no role in is a
 * 404 (it may as well not exist for them); platform admins see every locality.
 */
export async function requireActor(
  args: Args,
  opts: { locality: string },
): Promise<{ actor: Actor; locality: ActorLocality }> {
  const actor = requireUser(args);
  const membership = actor.memberships.find((m) => m.slug === opts.locality);
  if (membership) return { actor, locality: membership };
  if (actor.isPlatformAdmin) {
    const { db } = services(args.context);
    const [row] = await db
      .select({ id: localities.id, slug: localities.slug, name: localities.name, kind: localities.kind })
      .from(localities)
      .where(eq(localities.slug, opts.locality))
      .limit(1);
    if (row)
      return {
        actor,
        locality: {
          localityId: row.id,
          slug: row.slug,
          name: row.name,
          kind: row.kind as LocalityKind,
          roles: [],
          organisationIds: [],
        },
      };
  }
  throwAppError(new AppError('NOT_FOUND', 'errors.404.body'));
}

export function requirePlatformAdmin(args: Args): Actor {
  const actor = requireUser(args);
  if (!actor.isPlatformAdmin) throwAppError(new AppError('FORBIDDEN', 'errors.403.body'));
  return actor;
}

export function redirectWithFlash(
  context: Ctx,
  to: string,
  flash: Flash,
  init: { headers?: HeadersInit } = {},
) {
  const headers = new Headers(init.headers);
  headers.append('Set-Cookie', flashCookie(flash, requestInfo(context).secure));
  return redirect(to, { headers });
}

/** Only same-site relative paths are followed after login, never an open redirect. */
export function safeNext(next: string | null | undefined, fallback = '/app'): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return fallback;
  return next;
}
