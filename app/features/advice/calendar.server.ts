import type { Db } from '../../../db/client.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { formValues } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { todayInWarsaw } from '../../lib/i18n/i18n.ts';
import { isAdviceStaff, isAdvisor, representedOrganisations } from './advice.policy.ts';
import {
  bookSlot,
  cancelAppointment,
  listFreeSlots,
  loadAppointmentsForOrganisations,
  type Notify,
  requestAppointment,
} from './appointments.server.ts';
import { organisationChoices, personName } from './sessions.queries.server.ts';
import { loadOpenRequests, loadSlots } from './slots.queries.server.ts';
import { answerRequest, cancelSlot, createSlots, declineRequest, type SlotValues } from './slots.server.ts';
import { addDays, mondayOf, warsawToInstant } from './warsaw-time.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** The week shown: `?week=YYYY-MM-DD` (any day of it), else this week; always a Monday. */
export function weekOf(url: URL, today = todayInWarsaw()): string {
  const raw = url.searchParams.get('week') ?? '';
  return mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(raw) && !Number.isNaN(Date.parse(raw)) ? raw : today);
}

/**
 * Everything the calendar page shows, by role: staff get the week's slots with who booked them,
 * open requests and the booking form; a partner gets free slots, the request form and only
 * their organisation's appointments. At most five statements.
 */
export async function loadCalendar(db: Db, ctx: Ctx & { url: URL }) {
  const localityId = ctx.locality.localityId;
  const staff = isAdviceStaff(ctx.actor, ctx.locality);
  const week = weekOf(ctx.url);
  const now = new Date();
  const free = listFreeSlots(db, { localityId, from: now, limit: 100 });
  if (!staff) {
    const ids = representedOrganisations(ctx.locality);
    const [freeSlots, organisations, appointments] = await Promise.all([
      free,
      organisationChoices(db, { localityId, ids }),
      loadAppointmentsForOrganisations(db, { localityId, organisationIds: ids }),
    ]);
    return { staff: false as const, week, freeSlots, organisations, appointments, forPerson: null };
  }
  const personId = ctx.url.searchParams.get('person');
  const from = warsawToInstant(week, '00:00')!;
  const to = warsawToInstant(addDays(week, 7), '00:00')!;
  const [freeSlots, slots, requests, organisations, forPerson] = await Promise.all([
    free,
    loadSlots(db, { localityId, from, to }),
    loadOpenRequests(db, { localityId }),
    organisationChoices(db, { localityId }),
    personId ? personName(db, { localityId, personId }) : Promise.resolve(null),
  ]);
  return {
    staff: true as const,
    week,
    freeSlots,
    slots,
    requests,
    organisations,
    forPerson,
    isAdvisor: isAdvisor(ctx.locality),
    userId: ctx.actor.userId,
  };
}

export type CalendarResult = { flash: MessageKey; values?: Record<string, string | number> };

/** Runs one calendar form by its `intent`; errors are AppErrors (shown by handleForm). */
export async function calendarAction(
  db: Db,
  ctx: Ctx & { form: FormData; notify: Notify },
): Promise<CalendarResult> {
  const v = formValues(ctx.form);
  const base = { actor: ctx.actor, locality: ctx.locality };
  switch (v.intent) {
    case 'createSlots': {
      const count = await createSlots(db, { ...base, values: v as unknown as SlotValues });
      return { flash: 'advice.slots.created', values: { count } };
    }
    case 'cancelSlot':
      await cancelSlot(db, { ...base, slotId: v.slotId ?? '', notify: ctx.notify });
      return { flash: 'advice.slots.cancelledFlash' };
    case 'book':
      await bookSlot(db, {
        ...base,
        slotId: v.slotId ?? '',
        personId: v.personId || null,
        organisationId: v.organisationId || null,
        topic: v.topic ?? '',
        notify: ctx.notify,
      });
      return { flash: 'advice.book.booked' };
    case 'request':
      await requestAppointment(db, {
        ...base,
        kind: v.kind ?? '',
        organisationId: v.organisationId || null,
        personId: v.personId || null,
        topic: v.topic ?? '',
        preferredTimes: v.preferredTimes ?? '',
        notify: ctx.notify,
      });
      return { flash: 'advice.requested' };
    case 'answer':
      await answerRequest(db, {
        ...base,
        appointmentId: v.appointmentId ?? '',
        slotId: v.slotId ?? '',
        notify: ctx.notify,
      });
      return { flash: 'advice.book.booked' };
    case 'decline':
      await declineRequest(db, { ...base, appointmentId: v.appointmentId ?? '', notify: ctx.notify });
      return { flash: 'advice.requests.declined' };
    case 'cancelAppointment':
      await cancelAppointment(db, { ...base, appointmentId: v.appointmentId ?? '' });
      return { flash: 'advice.cancelledFlash' };
    default:
      throw new AppError('BAD_REQUEST', 'errors.400.body');
  }
}
