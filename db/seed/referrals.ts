import { and, asc, eq, inArray, isNull, lte } from 'drizzle-orm';
import { handleSideIntent } from '../../app/features/participants/side.server.ts';
import { answerReferral, completeReferral } from '../../app/features/referrals/referral-status.server.ts';
import { sendReferral } from '../../app/features/referrals/send-referral.server.ts';
import type { Actor, ActorLocality } from '../../app/lib/actor.ts';
import { dateInputValue } from '../../app/lib/dates.ts';
import type { Db } from '../client.ts';
import {
  memberships,
  organisations,
  participantConsents,
  participants,
  people,
  users,
} from '../schema/index.ts';
import { daysFrom } from './dates.ts';
import { coordinatorContext, type Place } from './partnerships.ts';

type Ctx = { actor: Actor; locality: ActorLocality };

/** The account that speaks for an organisation, acting as the app would let it. */
async function representativeContext(db: Db, place: Place, email: string): Promise<Ctx> {
  const base = await coordinatorContext(db, place);
  const [m] = await db
    .select({ id: users.id, name: users.name, role: memberships.role, org: memberships.organisationId })
    .from(users)
    .innerJoin(memberships, eq(memberships.userId, users.id))
    .where(and(eq(users.email, email), eq(memberships.localityId, place.locality.id)));
  if (!m?.org) throw new Error(`Demo seed: ${email} speaks for no organisation in ${place.locality.name}`);
  const locality: ActorLocality = {
    ...base.locality,
    roles: [m.role as ActorLocality['roles'][number]],
    organisationIds: [m.org],
  };
  return {
    actor: { ...base.actor, userId: m.id, name: m.name, email, memberships: [locality] },
    locality,
  };
}

async function orgIds(db: Db, place: Place, names: string[]) {
  const rows = await db
    .select({ id: organisations.id, name: organisations.name })
    .from(organisations)
    .where(and(eq(organisations.localityId, place.locality.id), inArray(organisations.name, names)));
  return (name: string) => {
    const hit = rows.find((o) => o.name === name);
    if (!hit) throw new Error(`Demo seed: no "${name}" in ${place.locality.name}`);
    return hit.id;
  };
}

/** Active participants without an account, in a stable order (the demo participant is left alone). */
async function someParticipants(db: Db, place: Place, n: number, registeredBy: string) {
  const rows = await db
    .select({ id: people.id })
    .from(participants)
    .innerJoin(people, eq(people.id, participants.personId))
    .where(
      and(
        eq(participants.localityId, place.locality.id),
        eq(participants.status, 'active'),
        isNull(people.userId),
        isNull(people.erasedAt),
        lte(participants.registeredOn, registeredBy),
      ),
    )
    .orderBy(asc(people.familyName), asc(people.givenName), asc(people.id))
    .limit(n);
  return rows.map((r) => r.id);
}

/** Records a share_partner consent through the participants' consent use case. */
async function consent(
  db: Db,
  ctx: Ctx,
  today: string,
  personId: string,
  organisationId: string,
  givenOn: string,
) {
  const form = new FormData();
  form.set('purpose', 'share_partner');
  form.set('organisationId', organisationId);
  form.set('basis', 'consent');
  form.set('givenOn', dateInputValue(givenOn));
  form.set('consentNote', 'Zgoda pisemna, w aktach Centrum.');
  const r = await handleSideIntent({ db, ...ctx, personId, intent: 'side.recordConsent', form, today });
  if (!r?.ok) throw new Error(`Demo seed: consent not recorded (${JSON.stringify(r)})`);
}

async function withdraw(db: Db, ctx: Ctx, today: string, personId: string, consentId: string, on: string) {
  const form = new FormData();
  form.set('consentId', consentId);
  form.set('withdrawnOn', dateInputValue(on));
  const r = await handleSideIntent({ db, ...ctx, personId, intent: 'side.withdrawConsent', form, today });
  if (!r?.ok) throw new Error(`Demo seed: consent not withdrawn (${JSON.stringify(r)})`);
}

type Send = {
  person: string;
  from: string | null;
  to: string;
  reason: string;
  note?: string;
  contact?: boolean;
};

function send(db: Db, ctx: Ctx, sentOn: string, s: Send) {
  return sendReferral(db, {
    ...ctx,
    personId: s.person,
    today: sentOn,
    notify: null,
    values: {
      fromOrganisationId: s.from ?? '',
      toOrganisationId: s.to,
      reason: s.reason,
      sharedNote: s.note ?? '',
      shareContact: s.contact ? 'on' : '',
    },
  });
}

/**
 * Demo referrals, made with the app's own use cases (consent first, then the referral, then
 * the receiving side's answer). Poznań: MOPS → the Centre's leader (accepted), the Centre →
 * PUP (waiting for the PUP's demo account), one declined, one done, one whose consent was
 * withdrawn. Wągrowiec: the parish → the social-welfare centre running the club (accepted)
 * and → the social cooperative (waiting). Kwilcz's directory is empty: nothing there.
 */
export async function seedReferrals(
  db: Db,
  places: { today: string; kwilcz: Place; wagrowiec: Place; poznan: Place },
): Promise<void> {
  const { today } = places;
  const day = (d: number) => daysFrom(today, d);

  // Poznań
  const pz = await coordinatorContext(db, places.poznan);
  const pup = await representativeContext(db, places.poznan, 'urzad.pracy.poznan@splot.demo');
  const pzOrg = await orgIds(db, places.poznan, [
    'Miejski Ośrodek Pomocy Społecznej w Poznaniu',
    'Powiatowy Urząd Pracy w Poznaniu',
    'Fundacja Wspólna Droga',
    'Centrum Integracji Społecznej w Poznaniu',
    'Spółdzielnia Socjalna „Zielona Pracownia”',
  ]);
  const mops = pzOrg('Miejski Ośrodek Pomocy Społecznej w Poznaniu');
  const pupId = pzOrg('Powiatowy Urząd Pracy w Poznaniu');
  const centre = pzOrg('Fundacja Wspólna Droga');
  const cis = pzOrg('Centrum Integracji Społecznej w Poznaniu');
  const coop = pzOrg('Spółdzielnia Socjalna „Zielona Pracownia”');
  const [a, b, c, d, e] = await someParticipants(db, places.poznan, 5, day(-80));
  if (!a || !b || !c || !d || !e) throw new Error('Demo seed: too few participants in Poznań');
  await consent(db, pz, today, a, centre, day(-50));
  await consent(db, pz, today, b, pupId, day(-12));
  await consent(db, pz, today, b, cis, day(-12));
  await consent(db, pz, today, c, cis, day(-40));
  await consent(db, pz, today, d, pupId, day(-70));
  await consent(db, pz, today, e, coop, day(-30));

  const fromMops = await send(db, pz, day(-45), {
    person: a,
    from: mops,
    to: centre,
    reason:
      'Osoba długotrwale bezrobotna, chce wrócić na rynek pracy; prosimy o doradztwo zawodowe i plan wsparcia.',
    note: 'Kontrakt socjalny do końca roku. Preferuje spotkania przed południem.',
    contact: true,
  });
  await answerReferral(db, {
    ...pz,
    id: fromMops,
    notify: null,
    values: { decision: 'accepted', responseNote: 'Pierwsze spotkanie z doradcą umówione.' },
  });
  await send(db, pz, day(-3), {
    person: b,
    from: centre,
    to: pupId,
    reason:
      'Prosimy o rejestrację i skierowanie na szkolenie „Kucharz – pomocnik kuchni” w ramach planu wsparcia.',
    note: 'Ukończony kurs HACCP w Centrum (2026). Gotowość do pracy zmianowej.',
    contact: true,
  });
  const declined = await send(db, pz, day(-35), {
    person: c,
    from: centre,
    to: cis,
    reason: 'Prosimy o przyjęcie na zajęcia reintegracji zawodowej w CIS.',
  });
  await answerReferral(db, {
    ...pz,
    id: declined,
    notify: null,
    values: {
      decision: 'declined',
      responseNote: 'Brak miejsc w bieżącej edycji; prosimy o ponowne zgłoszenie w marcu.',
    },
  });
  const toPup = await send(db, pz, day(-60), {
    person: d,
    from: centre,
    to: pupId,
    reason: 'Prosimy o staż u pracodawcy z branży ogrodniczej.',
    note: 'Doświadczenie przy pielęgnacji zieleni (wolontariat w klubie).',
  });
  await answerReferral(db, {
    ...pup,
    id: toPup,
    notify: null,
    values: { decision: 'accepted', responseNote: 'Zarejestrowano; staż od przyszłego miesiąca.' },
  });
  await completeReferral(db, {
    ...pup,
    id: toPup,
    today,
    values: {
      doneOn: dateInputValue(day(-10)),
      outcomeNote: 'Staż rozpoczęty w firmie „Ogrody i Zieleń Zając”.',
    },
  });
  await send(db, pz, day(-20), {
    person: e,
    from: centre,
    to: coop,
    reason: 'Osoba zainteresowana pracą w spółdzielni socjalnej; prosimy o rozmowę.',
  });
  // The person later withdrew the consent: the cooperative no longer sees their data.
  const [given] = await db
    .select({ id: participantConsents.id })
    .from(participantConsents)
    .where(and(eq(participantConsents.personId, e), eq(participantConsents.organisationId, coop)));
  if (given) await withdraw(db, pz, today, e, given.id, day(-5));

  // Wągrowiec
  const wg = await coordinatorContext(db, places.wagrowiec);
  const wgOrg = await orgIds(db, places.wagrowiec, [
    'Parafia pw. św. Jana Chrzciciela w Wągrowcu',
    'Miejski Ośrodek Pomocy Społecznej w Wągrowcu',
    'Spółdzielnia Socjalna „Zielona Pracownia”',
  ]);
  const parish = wgOrg('Parafia pw. św. Jana Chrzciciela w Wągrowcu');
  const wgMops = wgOrg('Miejski Ośrodek Pomocy Społecznej w Wągrowcu');
  const wgCoop = wgOrg('Spółdzielnia Socjalna „Zielona Pracownia”');
  const [f, g] = await someParticipants(db, places.wagrowiec, 2, day(-40));
  if (!f || !g) throw new Error('Demo seed: too few participants in Wągrowiec');
  await consent(db, wg, today, f, wgMops, day(-30));
  await consent(db, wg, today, g, wgCoop, day(-8));
  const toClub = await send(db, wg, day(-25), {
    person: f,
    from: parish,
    to: wgMops,
    reason: 'Prosimy o przyjęcie do Klubu Integracji Społecznej „Razem” (prowadzi MOPS).',
    note: 'Osoba samotna, aktywna w parafialnym zespole charytatywnym.',
  });
  await answerReferral(db, {
    ...wg,
    id: toClub,
    notify: null,
    values: { decision: 'accepted', responseNote: 'Zapraszamy na zajęcia we wtorki.' },
  });
  await send(db, wg, day(-2), {
    person: g,
    from: parish,
    to: wgCoop,
    reason: 'Osoba szuka pracy przy pracach ogrodniczych; prosimy o rozmowę o zatrudnieniu w spółdzielni.',
    contact: true,
  });
}
