import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db } from '../../../db/client.ts';
import {
  labourStatuses,
  organisations,
  participantCategories,
  participantConsents,
  participants,
} from '../../../db/schema/index.ts';
import type { Actor, ActorLocality } from '../../lib/actor.ts';
import { writeAudit } from '../../lib/audit.server.ts';
import { dateInputValue } from '../../lib/dates.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { type FieldErrors, parseForm } from '../../lib/forms.ts';
import type { MessageKey } from '../../lib/i18n/catalog.ts';
import { legalParameter } from '../../lib/legal-parameters.server.ts';
import { canManageParticipants } from './participants.policy.ts';
import {
  AT_RISK_PARAMETER,
  type AtRiskParameter,
  activeDuplicate,
  addCategorySchema,
  CONSENT_BASES,
  CONSENT_PURPOSES,
  type ConsentPurpose,
  canWithdraw,
  currentStatus,
  isListedCategory,
  LABOUR_STATUSES,
  recordConsentSchema,
  recordStatusSchema,
  removeCategorySchema,
  sortStatuses,
  statusDateProblem,
  supportNeedsOtherBasis,
  withdrawalDateProblem,
  withdrawConsentSchema,
} from './side.rules.ts';

export type SideConsent = {
  id: string;
  purpose: string;
  organisationId: string | null;
  organisationName: string | null;
  basis: string;
  givenOn: string;
  withdrawnOn: string | null;
  withdrawnByName: string | null;
  recordedByName: string | null;
  note: string;
  withdrawable: boolean;
};

export type SideCategory = {
  key: string;
  /** The legal reference from the parameter; '' when the key is no longer on the list in force. */
  ref: string;
  verified: boolean;
  listed: boolean;
  evidence: string;
  notedOn: string;
};

export type SideStatus = { id: string; status: string; fromDate: string; note: string; createdAt: string };

/** Everything the participant page shows about consents, categories and labour-market status. */
export type ParticipantSide = {
  personId: string;
  registeredOn: string;
  today: string;
  consents: { purpose: ConsentPurpose; active: SideConsent[]; history: SideConsent[] }[];
  /** The support consent was withdrawn and nothing else is in force: support needs another basis. */
  supportNeedsOtherBasis: boolean;
  categories: SideCategory[];
  categoryParameter: { source: string; verified: boolean; validFrom: string };
  /** Newest first. */
  labourStatuses: SideStatus[];
  currentStatus: SideStatus | null;
  options: {
    purposes: string[];
    bases: string[];
    labourStatuses: string[];
    categories: { key: string; ref: string; verified: boolean; assigned: boolean }[];
    organisations: { id: string; name: string }[];
  };
};

type ConsentJson = Omit<SideConsent, 'withdrawable'>;
type CategoryJson = { key: string; evidence: string; notedOn: string };

/**
 * The side of a participant in three SQL statements: the at-risk parameter, the person's
 * records (one statement, JSON sub-selects), and the locality's organisations. A person who
 * is not a participant of this locality is unknown.
 */
export async function loadParticipantSide(
  db: Db,
  opts: { localityId: string; personId: string; today: string },
): Promise<ParticipantSide> {
  const param = await legalParameter<AtRiskParameter>(db, AT_RISK_PARAMETER, opts.today);
  const [row] = await db
    .select({
      registeredOn: participants.registeredOn,
      consents: sql<ConsentJson[]>`coalesce((
        select json_agg(json_build_object(
          'id', c.id, 'purpose', c.purpose, 'organisationId', c.organisation_id,
          'organisationName', o.name, 'basis', c.basis, 'givenOn', c.given_on,
          'withdrawnOn', c.withdrawn_on, 'withdrawnByName', wu.name, 'recordedByName', ru.name,
          'note', c.note
        ) order by c.given_on desc, c.created_at desc)
        from participant_consents c
        left join organisations o on o.id = c.organisation_id
        left join users wu on wu.id = c.withdrawn_by
        left join users ru on ru.id = c.recorded_by
        where c.person_id = participants.person_id and c.locality_id = participants.locality_id
      ), '[]'::json)`,
      categories: sql<CategoryJson[]>`coalesce((
        select json_agg(json_build_object('key', pc.category, 'evidence', pc.evidence, 'notedOn', pc.noted_on)
          order by pc.noted_on, pc.category)
        from participant_categories pc
        where pc.person_id = participants.person_id and pc.locality_id = participants.locality_id
      ), '[]'::json)`,
      statuses: sql<SideStatus[]>`coalesce((
        select json_agg(json_build_object('id', ls.id, 'status', ls.status, 'fromDate', ls.from_date,
          'note', ls.note, 'createdAt', ls.created_at))
        from labour_statuses ls
        where ls.person_id = participants.person_id and ls.locality_id = participants.locality_id
      ), '[]'::json)`,
    })
    .from(participants)
    .where(and(eq(participants.personId, opts.personId), eq(participants.localityId, opts.localityId)))
    .limit(1);
  if (!row) throw notFound();
  const orgs = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(eq(organisations.localityId, opts.localityId))
    .orderBy(asc(organisations.nameFolded));

  const consents: SideConsent[] = row.consents.map((c) => ({ ...c, withdrawable: canWithdraw(c) }));
  const listed = new Map(param.value.categories.map((c) => [c.key, c]));
  const assigned = new Set(row.categories.map((c) => c.key));
  const statuses = sortStatuses(row.statuses);
  return {
    personId: opts.personId,
    registeredOn: row.registeredOn,
    today: opts.today,
    consents: CONSENT_PURPOSES.map((purpose) => {
      const history = consents.filter((c) => c.purpose === purpose);
      return { purpose, active: history.filter((c) => !c.withdrawnOn), history };
    }),
    supportNeedsOtherBasis: supportNeedsOtherBasis(consents),
    categories: row.categories.map((c) => {
      const p = listed.get(c.key);
      return { ...c, ref: p?.ref ?? '', verified: p?.verified ?? false, listed: Boolean(p) };
    }),
    categoryParameter: { source: param.source, verified: param.verified, validFrom: param.validFrom },
    labourStatuses: statuses,
    currentStatus: currentStatus(statuses, opts.today),
    options: {
      purposes: [...CONSENT_PURPOSES],
      bases: [...CONSENT_BASES],
      labourStatuses: [...LABOUR_STATUSES],
      categories: param.value.categories.map((c) => ({ ...c, assigned: assigned.has(c.key) })),
      organisations: orgs,
    },
  };
}

export type SideIntentResult =
  | null
  | { ok: true; flashKey: MessageKey; anchor: string }
  | { ok: false; errors: FieldErrors; status: number };

export const SIDE_INTENTS = [
  'side.recordConsent',
  'side.withdrawConsent',
  'side.addCategory',
  'side.removeCategory',
  'side.recordStatus',
] as const;
export type SideIntent = (typeof SIDE_INTENTS)[number];

export function isSideIntent(intent: string): intent is SideIntent {
  return (SIDE_INTENTS as readonly string[]).includes(intent);
}

/** A refusal shown on the form: the field it concerns and why. */
class Refusal extends Error {
  readonly errors: FieldErrors;
  readonly status: number;
  constructor(status: number, errors: FieldErrors) {
    super('refused');
    this.errors = errors;
    this.status = status;
  }
}
const refuse = (status: number, field: string, key: MessageKey, values?: Record<string, string>) =>
  new Refusal(status, { [field]: values ? { key, values } : key });

type Ctx = {
  db: Db;
  actor: Actor;
  locality: ActorLocality;
  personId: string;
  intent: string;
  form: FormData;
  today: string;
};

/**
 * Handles the forms of the three sections (intents prefixed `side.`); null for any other
 * intent. Checks the policy, validates, writes and audits in one transaction. A person who
 * is not a participant of this locality is unknown (404); rule failures come back as field
 * errors with nothing written.
 */
export async function handleSideIntent(opts: Ctx): Promise<SideIntentResult> {
  const { intent } = opts;
  if (!isSideIntent(intent)) return null;
  if (!canManageParticipants(opts.actor, opts.locality)) throw new AppError('FORBIDDEN', 'errors.403.body');
  const validate = <S extends z.ZodType>(schema: S) => {
    const parsed = parseForm(opts.form, schema);
    if (!parsed.ok) throw new Refusal(400, parsed.errors);
    return parsed.data;
  };
  try {
    switch (intent) {
      case 'side.recordConsent':
        return await recordConsent(opts, validate(recordConsentSchema));
      case 'side.withdrawConsent':
        return await withdrawConsent(opts, validate(withdrawConsentSchema));
      case 'side.addCategory':
        return await addCategory(opts, validate(addCategorySchema));
      case 'side.removeCategory':
        return await removeCategory(opts, validate(removeCategorySchema));
      case 'side.recordStatus':
        return await recordStatus(opts, validate(recordStatusSchema));
    }
  } catch (error) {
    if (error instanceof Refusal) return { ok: false, errors: error.errors, status: error.status };
    throw error;
  }
}

/** The participant in this locality (inside the transaction), or a 404. */
async function requireParticipant(db: Db, ctx: Ctx) {
  const [p] = await db
    .select({ registeredOn: participants.registeredOn })
    .from(participants)
    .where(and(eq(participants.personId, ctx.personId), eq(participants.localityId, ctx.locality.localityId)))
    .limit(1);
  if (!p) throw notFound();
  return p;
}

function audit(db: Db, ctx: Ctx, action: string, entityId: string, details: Record<string, unknown>) {
  return writeAudit(db, {
    actorUserId: ctx.actor.userId,
    localityId: ctx.locality.localityId,
    requestId: ctx.actor.requestId,
    action,
    entityType: 'participant',
    entityId,
    details,
  });
}

async function recordConsent(
  ctx: Ctx,
  input: z.output<typeof recordConsentSchema>,
): Promise<SideIntentResult> {
  if (input.givenOn > ctx.today) throw refuse(422, 'givenOn', 'participants.side.consent.givenOn.future');
  const sharing = input.purpose === 'share_partner';
  if (sharing && !input.organisationId)
    throw refuse(400, 'organisationId', 'participants.side.consent.organisation.required');
  return ctx.db.transaction(async (tx) => {
    await requireParticipant(tx, ctx);
    let organisationId: string | null = null;
    if (sharing) {
      const [org] = /^[0-9a-f-]{36}$/i.test(input.organisationId)
        ? await tx
            .select({ id: organisations.id })
            .from(organisations)
            .where(
              and(
                eq(organisations.id, input.organisationId),
                eq(organisations.localityId, ctx.locality.localityId),
              ),
            )
            .limit(1)
        : [];
      if (!org) throw refuse(400, 'organisationId', 'participants.side.consent.organisation.required');
      organisationId = org.id;
    }
    const existing = await tx
      .select({
        id: participantConsents.id,
        purpose: participantConsents.purpose,
        organisationId: participantConsents.organisationId,
        basis: participantConsents.basis,
        givenOn: participantConsents.givenOn,
        withdrawnOn: participantConsents.withdrawnOn,
      })
      .from(participantConsents)
      .where(
        and(
          eq(participantConsents.personId, ctx.personId),
          eq(participantConsents.localityId, ctx.locality.localityId),
          eq(participantConsents.purpose, input.purpose),
        ),
      );
    const dup = activeDuplicate(existing, input.purpose, organisationId);
    if (dup)
      throw refuse(
        409,
        'purpose',
        dup.basis === 'consent'
          ? 'participants.side.consent.duplicate'
          : 'participants.side.consent.duplicateBasis',
        { date: dateInputValue(dup.givenOn) },
      );
    const [row] = await tx
      .insert(participantConsents)
      .values({
        localityId: ctx.locality.localityId,
        personId: ctx.personId,
        purpose: input.purpose,
        organisationId,
        basis: input.basis,
        givenOn: input.givenOn,
        recordedBy: ctx.actor.userId,
        note: input.consentNote,
      })
      .returning({ id: participantConsents.id });
    await audit(tx, ctx, 'participant.consent.record', ctx.personId, {
      consentId: row!.id,
      purpose: input.purpose,
      basis: input.basis,
      organisationId,
      givenOn: input.givenOn,
    });
    return {
      ok: true as const,
      flashKey: 'participants.side.flash.consentRecorded' as const,
      anchor: '#consents',
    };
  });
}

async function withdrawConsent(
  ctx: Ctx,
  input: z.output<typeof withdrawConsentSchema>,
): Promise<SideIntentResult> {
  return ctx.db.transaction(async (tx) => {
    await requireParticipant(tx, ctx);
    const [c] = await tx
      .select({
        id: participantConsents.id,
        purpose: participantConsents.purpose,
        basis: participantConsents.basis,
        givenOn: participantConsents.givenOn,
        withdrawnOn: participantConsents.withdrawnOn,
      })
      .from(participantConsents)
      .where(
        and(
          eq(participantConsents.id, input.consentId.trim()),
          eq(participantConsents.personId, ctx.personId),
          eq(participantConsents.localityId, ctx.locality.localityId),
        ),
      )
      .limit(1);
    if (!c) throw refuse(400, 'consentId', 'participants.side.withdraw.consent.required');
    if (!canWithdraw(c))
      throw refuse(
        422,
        'consentId',
        c.withdrawnOn ? 'participants.side.withdraw.already' : 'participants.side.withdraw.notConsent',
      );
    const problem = withdrawalDateProblem(c.givenOn, input.withdrawnOn, ctx.today);
    if (problem)
      throw refuse(
        422,
        'withdrawnOn',
        problem,
        problem === 'participants.side.withdraw.beforeGiven'
          ? { date: dateInputValue(c.givenOn) }
          : undefined,
      );
    await tx
      .update(participantConsents)
      .set({ withdrawnOn: input.withdrawnOn, withdrawnBy: ctx.actor.userId })
      .where(eq(participantConsents.id, c.id));
    await audit(tx, ctx, 'participant.consent.withdraw', ctx.personId, {
      consentId: c.id,
      purpose: c.purpose,
      withdrawnOn: input.withdrawnOn,
    });
    return {
      ok: true as const,
      flashKey:
        c.purpose === 'support'
          ? ('participants.side.flash.supportWithdrawn' as const)
          : ('participants.side.flash.consentWithdrawn' as const),
      anchor: '#consents',
    };
  });
}

async function addCategory(ctx: Ctx, input: z.output<typeof addCategorySchema>): Promise<SideIntentResult> {
  const notedOn = input.notedOn ?? ctx.today;
  if (notedOn > ctx.today) throw refuse(422, 'notedOn', 'participants.side.category.future');
  const param = await legalParameter<AtRiskParameter>(ctx.db, AT_RISK_PARAMETER, ctx.today);
  if (!isListedCategory(param.value, input.category))
    throw refuse(422, 'category', 'participants.side.category.notListed');
  return ctx.db.transaction(async (tx) => {
    await requireParticipant(tx, ctx);
    const inserted = await tx
      .insert(participantCategories)
      .values({
        personId: ctx.personId,
        localityId: ctx.locality.localityId,
        category: input.category,
        evidence: input.evidence,
        notedOn,
        recordedBy: ctx.actor.userId,
      })
      .onConflictDoNothing()
      .returning({ category: participantCategories.category });
    if (inserted.length === 0) throw refuse(409, 'category', 'participants.side.category.already');
    await audit(tx, ctx, 'participant.category.add', ctx.personId, {
      category: input.category,
      notedOn,
      evidenceGiven: input.evidence.length > 0,
    });
    return {
      ok: true as const,
      flashKey: 'participants.side.flash.categoryAdded' as const,
      anchor: '#categories',
    };
  });
}

async function removeCategory(
  ctx: Ctx,
  input: z.output<typeof removeCategorySchema>,
): Promise<SideIntentResult> {
  return ctx.db.transaction(async (tx) => {
    await requireParticipant(tx, ctx);
    const removed = await tx
      .delete(participantCategories)
      .where(
        and(
          eq(participantCategories.personId, ctx.personId),
          eq(participantCategories.localityId, ctx.locality.localityId),
          eq(participantCategories.category, input.category),
        ),
      )
      .returning({ category: participantCategories.category, notedOn: participantCategories.notedOn });
    if (removed.length === 0) throw refuse(404, 'category', 'participants.side.category.notAssigned');
    await audit(tx, ctx, 'participant.category.remove', ctx.personId, {
      category: input.category,
      notedOn: removed[0]!.notedOn,
    });
    return {
      ok: true as const,
      flashKey: 'participants.side.flash.categoryRemoved' as const,
      anchor: '#categories',
    };
  });
}

async function recordStatus(ctx: Ctx, input: z.output<typeof recordStatusSchema>): Promise<SideIntentResult> {
  return ctx.db.transaction(async (tx) => {
    const p = await requireParticipant(tx, ctx);
    const problem = statusDateProblem(input.fromDate, p.registeredOn, ctx.today);
    if (problem)
      throw refuse(
        422,
        'fromDate',
        problem,
        problem === 'participants.side.status.beforeRegistration'
          ? { date: dateInputValue(p.registeredOn) }
          : undefined,
      );
    const [row] = await tx
      .insert(labourStatuses)
      .values({
        localityId: ctx.locality.localityId,
        personId: ctx.personId,
        status: input.labourStatus,
        fromDate: input.fromDate,
        note: input.statusNote,
        recordedBy: ctx.actor.userId,
      })
      .returning({ id: labourStatuses.id });
    await audit(tx, ctx, 'participant.labourStatus.record', ctx.personId, {
      labourStatusId: row!.id,
      status: input.labourStatus,
      fromDate: input.fromDate,
    });
    return {
      ok: true as const,
      flashKey: 'participants.side.flash.statusRecorded' as const,
      anchor: '#labour-status',
    };
  });
}
