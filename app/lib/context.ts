import { createContext, RouterContextProvider } from 'react-router';
import type { Actor } from './actor.ts';
import type { Locale } from './i18n/catalog.ts';
import type { Services } from './services.ts';

export type RequestInfo = {
  requestId: string;
  ip: string;
  /** True when the request reached us over HTTPS (directly or via a trusted proxy). */
  secure: boolean;
  /** Filled by the root middleware: the matched route pattern, for metrics. */
  routePattern?: string;
};

export const servicesContext = createContext<Services>();
export const requestInfoContext = createContext<RequestInfo>();
export const actorContext = createContext<Actor | null>(null);
export const localeContext = createContext<Locale>('pl');
export const csrfContext = createContext<string>('');

export function createLoadContext(services: Services, info: RequestInfo): RouterContextProvider {
  const ctx = new RouterContextProvider();
  ctx.set(servicesContext, services);
  ctx.set(requestInfoContext, info);
  return ctx;
}
