import { serializeCookie } from './cookies.ts';
import type { MessageKey } from './i18n/catalog.ts';

export const FLASH_COOKIE = 'splot_flash';
export type Flash = {
  kind: 'success' | 'info' | 'error';
  key: MessageKey;
  values?: Record<string, string | number>;
};

export function flashCookie(flash: Flash, secure: boolean): string {
  return serializeCookie(FLASH_COOKIE, JSON.stringify(flash), { maxAgeSeconds: 60, secure });
}

export function readFlash(raw: string | undefined): Flash | null {
  if (!raw) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<Flash>;
    if (typeof parsed.key !== 'string' || !parsed.kind) return null;
    return parsed as Flash;
  } catch {
    return null;
  }
}
