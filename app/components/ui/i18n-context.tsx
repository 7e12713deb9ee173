import { createContext, useContext } from 'react';
import { getI18n, type I18n } from '../../lib/i18n/i18n.ts';

export type ShellContextValue = { i18n: I18n; csrf: string };

export const ShellContext = createContext<ShellContextValue>({ i18n: getI18n('pl'), csrf: '' });

export function useI18n(): I18n {
  return useContext(ShellContext).i18n;
}

export function useT() {
  return useContext(ShellContext).i18n.t;
}

export function useCsrf(): string {
  return useContext(ShellContext).csrf;
}
