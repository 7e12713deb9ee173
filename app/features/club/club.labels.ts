import { CATALOGS, type MessageKey } from '../../lib/i18n/catalog.ts';
import type { Translate } from '../../lib/i18n/i18n.ts';

/** The name of an art. 1 ust. 2 group; a key the catalogue does not know yet is shown as it is. */
export function groupLabel(t: Translate, group: string): string {
  if (!group) return t('club.group.none');
  const key = `club.group.${group}`;
  return key in CATALOGS.pl ? t(key as MessageKey) : group;
}

/** A person's name, or the words for an erased person. */
export function memberName(
  t: Translate,
  p: { givenName: string | null; familyName: string | null; erasedAt: Date | string | null },
): string {
  if (p.erasedAt) return t('club.members.erased');
  return `${p.givenName ?? ''} ${p.familyName ?? ''}`.trim();
}

/** Full-time equivalents in words: "1,5 etatu" / "1.5 FTE". */
export function fteText(t: Translate, fte: number | string | null): string {
  if (fte === null || fte === '') return '—';
  return t('club.staff.fteValue', { fte: Number(fte) });
}
