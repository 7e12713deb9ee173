import type { Db } from '../../../db/client.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { AppError } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import type { MailQueue } from '../../lib/services.ts';
import { eraseSchema } from './data-protection.schema.ts';
import { erasePerson, requestErasure } from './erasure.server.ts';

export const DATA_PROTECTION_INTENTS = ['erase', 'requestErasure'] as const;
export type DataProtectionIntent = (typeof DATA_PROTECTION_INTENTS)[number];

export function isDataProtectionIntent(intent: string): intent is DataProtectionIntent {
  return (DATA_PROTECTION_INTENTS as readonly string[]).includes(intent);
}

/**
 * What the participant page does after a data-protection form: like `SideIntentResult`, plus
 * `redirectTo` when the page itself is gone (after erasure the person's page is a 404, so
 * the coordinator goes back to the list).
 */
export type DataProtectionIntentResult =
  | null
  | { ok: true; flashKey: MessageKey; anchor: string; redirectTo?: string }
  | { ok: false; errors: FieldErrors; status: number };

/**
 * The forms of the "Ochrona danych" section on a participant's page: 'erase' (the coordinator
 * erases the person, confirmed by a tick) and 'requestErasure' (staff record the person's
 * request; the coordinators are told by e-mail when `mail` is given). Null for any other
 * intent. Rule failures (an open plan, a missing tick) come back as field errors with nothing
 * written; a person unknown here is a 404 and a role without the right a 403.
 */
export async function handleDataProtectionIntent(opts: {
  db: Db;
  actor: Actor;
  locality: ActorLocality;
  personId: string;
  intent: string;
  form: FormData;
  today: string;
  mail?: MailQueue;
  baseUrl?: string;
}): Promise<DataProtectionIntentResult> {
  const { intent } = opts;
  if (!isDataProtectionIntent(intent)) return null;
  try {
    if (intent === 'erase') {
      const parsed = parseForm(opts.form, eraseSchema);
      if (!parsed.ok) return { ok: false, errors: parsed.errors, status: 400 };
      await erasePerson(opts.db, {
        actor: opts.actor,
        locality: opts.locality,
        personId: opts.personId,
        requestId: parsed.data.requestId || null,
        note: parsed.data.note,
      });
      return {
        ok: true,
        flashKey: 'participants.dp.erasure.done',
        anchor: '',
        redirectTo: `/app/${opts.locality.slug}/participants`,
      };
    }
    const r = await requestErasure(opts.db, {
      actor: opts.actor,
      locality: opts.locality,
      personId: opts.personId,
      ...(opts.mail ? { mail: opts.mail } : {}),
      ...(opts.baseUrl !== undefined ? { baseUrl: opts.baseUrl } : {}),
    });
    return {
      ok: true,
      flashKey: r.created ? 'participants.dp.erasure.requested' : 'participants.dp.erasure.alreadyPending',
      anchor: '#data-protection',
    };
  } catch (error) {
    if (error instanceof AppError && ['DOMAIN_RULE', 'BAD_REQUEST', 'CONFLICT'].includes(error.code)) {
      const errors = Object.keys(error.fieldErrors).length ? error.fieldErrors : { _form: error.messageKey };
      return { ok: false, errors, status: error.status };
    }
    throw error;
  }
}
