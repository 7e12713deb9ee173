/**
 * Turns a check's message (id + values) into words in the reader's language. By convention
 * values named `…On` are ISO dates (shown in words), `form` is a legal-form key and `aims` a
 * comma-separated list of PS aims.
 */
import type { I18n, MessageKey } from '../../../lib/i18n/i18n.ts';
import type { CheckResult } from './legal.types.ts';

const FRACTIONS: Record<number, string> = { 0.25: '¼', 0.5: '½', 0.75: '¾' };

export function checkMessageText(i18n: I18n, message: CheckResult['message']): string {
  const values: Record<string, string | number> = {};
  for (const [name, v] of Object.entries(message.values ?? {})) {
    if (typeof v === 'string' && name.endsWith('On') && /^\d{4}-\d{2}-\d{2}/.test(v))
      values[name] = i18n.dateLong(v);
    else if (name === 'minFte' && typeof v === 'number') values[name] = FRACTIONS[v] ?? i18n.number(v);
    else if (name === 'form' && typeof v === 'string')
      values[name] = i18n.t(`organisations.legalForm.${v}` as MessageKey);
    else if (name === 'aims' && typeof v === 'string')
      values[name] = v
        .split(',')
        .filter(Boolean)
        .map((a) => i18n.t(`legal.aim.${a}` as MessageKey))
        .join(i18n.locale === 'pl' ? ' i ' : ' and ');
    else values[name] = v;
  }
  // A date in Polish prose ends with "r."; do not double the full stop after it.
  return i18n.t(message.key, values).replace(/ r\.\./g, ' r.');
}

/** The rule's short name (criterion). */
export function ruleLabel(i18n: I18n, rule: string): string {
  return i18n.t(`legal.rule.${rule}` as MessageKey);
}
