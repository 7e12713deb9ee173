import type { FieldErrors } from '../../../lib/forms.ts';
import type { I18n } from '../../../lib/i18n/i18n.ts';

export type Failed = { intent: string; errors: FieldErrors; values: Record<string, string> } | null;
export type Free = {
  id: string;
  startsAt: string;
  minutes: number;
  kind: string;
  place: string;
  advisorName: string;
};
export type Slot = Free & {
  cancelled: boolean;
  advisorUserId: string;
  appointmentId: string | null;
  bookedFor: string | null;
  topic: string | null;
};
export type Org = { id: string; name: string };

export const kindLabel = (t: I18n['t'], kind: string) => t(`advice.kind.${kind}` as 'advice.kind.legal');

export function slotLabel(i18n: I18n, s: Free) {
  return `${i18n.dateTime(s.startsAt)} (${i18n.t('advice.calendar.minutes', { count: s.minutes })}) — ${kindLabel(i18n.t, s.kind)} — ${s.advisorName}${s.place ? `, ${s.place}` : ''}`;
}
