import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  addAction,
  holdReview,
  recordOutcome,
  setActionStatus,
} from '../../app/features/plans/plan-items.server.ts';
import { agreePlan, closePlan, createPlan, startPlan } from '../../app/features/plans/plans.server.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import { dateInputValue } from '../../app/lib/dates.ts';
import type { Role } from '../../app/lib/roles.ts';
import type { Db } from '../client.ts';
import {
  localities,
  organisations,
  participants,
  people,
  supportPlanReviews,
  users,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import type { Place } from './partnerships.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

async function staffContext(db: Db, place: Place, email: string, role: Role): Promise<Ctx> {
  const [u] = await db.select({ id: users.id, name: users.name }).from(users).where(eq(users.email, email));
  const [l] = await db
    .select({ kind: localities.kind })
    .from(localities)
    .where(eq(localities.id, place.locality.id));
  if (!u || !l) throw new Error(`Demo seed: no ${email}`);
  const locality: ActorLocality = {
    localityId: place.locality.id,
    slug: place.locality.slug,
    name: place.locality.name,
    kind: l.kind as ActorLocality['kind'],
    roles: [role],
    organisationIds: [],
  };
  return {
    actor: {
      userId: u.id,
      name: u.name,
      email,
      isPlatformAdmin: false,
      locale: 'pl',
      memberships: [locality],
      requestId: 'seed-demo',
    },
    locality,
  };
}

async function orgId(db: Db, place: Place, name: string): Promise<string> {
  const [o] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.localityId, place.locality.id), eq(organisations.name, name)))
    .limit(1);
  return o?.id ?? '';
}

/** Active participants of a place without an account (the demo participant gets his own plan). */
async function activeParticipants(db: Db, place: Place): Promise<string[]> {
  const rows = await db
    .select({ id: participants.personId })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.localityId, place.locality.id),
        eq(participants.status, 'active'),
        isNull(people.userId),
        isNull(people.erasedAt),
      ),
    )
    .orderBy(asc(participants.registeredOn), asc(people.familyName), asc(people.givenName));
  return rows.map((r) => r.id);
}

const NEEDS = [
  'Po długiej przerwie chce wrócić do pracy; boi się rozmów kwalifikacyjnych.',
  'Potrzebuje uporządkować sprawy zadłużenia i znaleźć stałe zajęcie.',
  'Szuka pracy w pobliżu domu, bo opiekuje się mamą.',
  'Chce zdobyć uprawnienia zawodowe i wyjść z samotności.',
  'Nie zna dobrze języka polskiego; chce pracować w swoim zawodzie.',
];
const GOALS = [
  'Zatrudnienie na umowę o pracę w ciągu pół roku.',
  'Udział w pracy spółdzielni socjalnej.',
  'Ukończony kurs zawodowy i pierwsze doświadczenie w pracy.',
  'Regularne zajęcia w klubie i praca w niepełnym wymiarze.',
];

type ActionSeed = { kind: string; description: string; due: number; org?: string };
const ACTIONS: ActionSeed[] = [
  { kind: 'advice', description: 'Rozmowa z doradcą zawodowym: bilans umiejętności', due: 14 },
  { kind: 'training', description: 'Kurs obsługi kasy fiskalnej i magazynu', due: 45 },
  { kind: 'club_activities', description: 'Warsztaty pisania CV w klubie integracyjnym', due: 21 },
  {
    kind: 'self_education_group',
    description: 'Grupa samokształceniowa „Własny biznes” (co drugi czwartek)',
    due: 60,
  },
  {
    kind: 'work_placement',
    description: 'Staż w spółdzielni socjalnej',
    due: 90,
    org: 'Spółdzielnia Socjalna „Zielona Pracownia”',
  },
  {
    kind: 'referral',
    description: 'Rejestracja w urzędzie pracy i skierowanie na szkolenie',
    due: 30,
    org: 'PUP',
  },
];

type Shape = 'draft' | 'agreed' | 'in_progress' | 'overdue' | 'found_work' | 'joined';
const SHAPES: Shape[] = [
  'in_progress',
  'draft',
  'overdue',
  'agreed',
  'found_work',
  'in_progress',
  'joined',
  'overdue',
];

/** One demo plan through the use cases: created, filled, and moved to the shape wanted. */
async function seedPlan(
  db: Db,
  ctx: Ctx,
  opts: { today: string; personId: string; k: number; shape: Shape; orgs: Record<string, string> },
) {
  const { today, personId, k, shape } = opts;
  const startedDaysAgo = shape === 'draft' ? 5 + (k % 10) : 60 + ((k * 17) % 150);
  const startsOn = daysFrom(today, -startedDaysAgo);
  // Overdue plans: the first review passed 3–20 days ago; others: a review in the coming weeks.
  const firstReviewOn =
    shape === 'overdue'
      ? daysFrom(today, -(3 + (k % 18)))
      : shape === 'found_work' || shape === 'joined'
        ? daysFrom(startsOn, 30)
        : daysFrom(today, 2 + ((k * 11) % 40));
  const planId = await createPlan(db, {
    ...ctx,
    personId,
    today,
    values: {
      needs: NEEDS[k % NEEDS.length]!,
      goals: shape === 'joined' ? GOALS[1]! : GOALS[k % GOALS.length]!,
      startsOn: dateInputValue(startsOn),
      responsibleUserId: ctx.actor.userId,
      firstReviewOn: dateInputValue(firstReviewOn),
    },
  });
  const args = { ...ctx, personId, planId, today };
  const actionIds: string[] = [];
  const count = shape === 'draft' ? 1 : 2 + (k % 2);
  for (let i = 0; i < count; i++) {
    const a = ACTIONS[(k + i * 2) % ACTIONS.length]!;
    const org = a.org ? (opts.orgs[a.org] ?? '') : '';
    actionIds.push(
      await addAction(db, {
        ...args,
        values: {
          actionKind: a.kind,
          actionDescription: a.description,
          actionResponsibleUserId: org ? '' : ctx.actor.userId,
          actionOrganisationId: org,
          actionDueOn: dateInputValue(daysFrom(startsOn, a.due)),
        },
      }),
    );
  }
  if (shape === 'draft') return planId;
  const agreedOn = daysFrom(startsOn, 7);
  await agreePlan(db, { ...args, values: { agreedOn: dateInputValue(agreedOn) } });
  if (shape === 'agreed') return planId;
  await startPlan(db, { ...args, values: { stepNote: 'Pierwsze działania ruszyły.' } });
  const doneOn = daysFrom(startsOn, 20);
  await setActionStatus(db, {
    ...args,
    values: { actionId: actionIds[0]!, actionStatus: 'done', doneOn: dateInputValue(doneOn) },
  });
  if (shape === 'in_progress' || shape === 'overdue') return planId;
  // Closed plans: the review held, an outcome, then closing with the reason.
  const [review] = await db
    .select({ id: supportPlanReviews.id, dueOn: supportPlanReviews.dueOn })
    .from(supportPlanReviews)
    .where(eq(supportPlanReviews.planId, planId));
  await holdReview(db, {
    ...args,
    values: {
      reviewId: review!.id,
      heldOn: dateInputValue(review!.dueOn),
      reviewNote: 'Postępy zgodne z planem; osoba dobrze sobie radzi.',
    },
  });
  const achievedOn = daysFrom(startsOn, 45);
  if (shape === 'joined') {
    await recordOutcome(db, {
      ...args,
      values: {
        outcomeKind: 'joined_enterprise',
        achievedOn: dateInputValue(achievedOn),
        outcomeOrganisationId: opts.orgs['Spółdzielnia Socjalna „Zielona Pracownia”'] ?? '',
        outcomeNote: 'Członkostwo w spółdzielni po okresie próbnym.',
      },
    });
  } else {
    await recordOutcome(db, {
      ...args,
      values: {
        outcomeKind: 'found_work',
        achievedOn: dateInputValue(achievedOn),
        outcomeOrganisationId: opts.orgs.work ?? '',
        outcomeNote: 'Umowa o pracę na pół etatu.',
      },
    });
  }
  await closePlan(db, {
    ...args,
    values: {
      closingReason: shape === 'joined' ? 'goals_achieved' : 'found_work',
      closedOn: dateInputValue(daysFrom(achievedOn, 3)),
      closingNote: '',
    },
  });
  return planId;
}

async function seedPlace(
  db: Db,
  today: string,
  place: Place,
  ctx: Ctx,
  townLocative: string | null,
  every: number,
  limit: number,
) {
  const orgs: Record<string, string> = {};
  if (townLocative) {
    orgs['Spółdzielnia Socjalna „Zielona Pracownia”'] = await orgId(
      db,
      place,
      'Spółdzielnia Socjalna „Zielona Pracownia”',
    );
    orgs.PUP = await orgId(db, place, `Powiatowy Urząd Pracy w ${townLocative}`);
    orgs.work = await orgId(db, place, 'Piekarnia Rzemieślnicza S. Nowicki');
  }
  const people = (await activeParticipants(db, place)).filter((_, i) => i % every === 0).slice(0, limit);
  for (const [k, personId] of people.entries()) {
    // Kwilcz (no directory yet): one plan in progress and one draft, led by the animator.
    const shape = townLocative ? SHAPES[k % SHAPES.length]! : k === 0 ? 'in_progress' : 'draft';
    await seedPlan(db, ctx, { today, personId, k, shape, orgs });
  }
}

/**
 * Demo support plans: about half of the active participants in Wągrowiec and Poznań and two in
 * Kwilcz, in every step, some with an overdue review, some closed with outcomes (found work,
 * joined „Zielona Pracownia”); the demo participant's plan is in progress with three actions
 * and a review next month. All through the app's use cases, so the rules and the audit apply.
 */
export async function seedPlans(
  db: Db,
  opts: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
) {
  const { today } = opts;
  const kw = await staffContext(db, opts.kwilcz, 'animator.kwilcz@splot.demo', 'animator');
  await seedPlace(db, today, opts.kwilcz, kw, null, 2, 2);
  const wg = await staffContext(db, opts.wagrowiec, 'doradca@splot.demo', 'advisor');
  await seedPlace(db, today, opts.wagrowiec, wg, 'Wągrowcu', 2, 20);
  const pz = await staffContext(db, opts.poznan, 'doradca@splot.demo', 'advisor');
  await seedPlace(db, today, opts.poznan, pz, 'Poznaniu', 2, 30);

  // The demo participant (uczestnik.poznan@splot.demo): his person row carries his user id.
  const [me] = await db
    .select({ id: people.id })
    .from(people)
    .innerJoin(users, eq(users.id, people.userId))
    .where(
      and(eq(users.email, 'uczestnik.poznan@splot.demo'), eq(people.localityId, opts.poznan.locality.id)),
    )
    .limit(1);
  if (!me) return;
  const startsOn = daysFrom(today, -45);
  const planId = await createPlan(db, {
    ...pz,
    personId: me.id,
    today,
    values: {
      needs: 'Chcę znaleźć pracę w handlu albo w magazynie. Potrzebuję pomocy z CV i prawem jazdy kat. B.',
      goals: 'Praca na umowę o pracę do końca roku.',
      startsOn: dateInputValue(startsOn),
      responsibleUserId: pz.actor.userId,
      firstReviewOn: dateInputValue(daysFrom(today, 30)),
    },
  });
  const args = { ...pz, personId: me.id, planId, today };
  const pup = await orgId(db, opts.poznan, 'Powiatowy Urząd Pracy w Poznaniu');
  const cv = await addAction(db, {
    ...args,
    values: {
      actionKind: 'advice',
      actionDescription: 'Przygotowanie CV i listu motywacyjnego z doradcą',
      actionResponsibleUserId: pz.actor.userId,
      actionDueOn: dateInputValue(daysFrom(startsOn, 14)),
    },
  });
  await addAction(db, {
    ...args,
    values: {
      actionKind: 'training',
      actionDescription: 'Kurs prawa jazdy kat. B (dofinansowanie z urzędu pracy)',
      actionOrganisationId: pup,
      actionDueOn: dateInputValue(daysFrom(today, 60)),
    },
  });
  await addAction(db, {
    ...args,
    values: {
      actionKind: 'club_activities',
      actionDescription: 'Trening rozmowy kwalifikacyjnej w klubie integracyjnym',
      actionResponsibleUserId: pz.actor.userId,
      actionDueOn: dateInputValue(daysFrom(today, 20)),
    },
  });
  await agreePlan(db, { ...args, values: { agreedOn: dateInputValue(daysFrom(startsOn, 3)) } });
  await startPlan(db, { ...args, values: {} });
  await setActionStatus(db, {
    ...args,
    values: { actionId: cv, actionStatus: 'done', doneOn: dateInputValue(daysFrom(startsOn, 12)) },
  });
}
