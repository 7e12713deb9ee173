import type { AppConfig } from './services.ts';

/** The base URL for links sent by e-mail: PUBLIC_URL when set, else this request's origin. */
export function baseUrl(request: Request, config: AppConfig): string {
  if (config.publicUrl) return config.publicUrl.replace(/\/+$/, '');
  return new URL(request.url).origin;
}
